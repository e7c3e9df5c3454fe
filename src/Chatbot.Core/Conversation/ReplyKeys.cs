namespace Chatbot.Core.Conversation;

/// <summary>The bot's own sentences, one per key, written per language in <c>dialogs/replies/</c>.</summary>
public static class ReplyKeys
{
    public const string Welcome = "welcome";
    public const string Disclaimer = "disclaimer";
    public const string AnswerIntro = "answer_intro";
    public const string QuotedInFrench = "quoted_in_french";
    public const string QuotedInItalian = "quoted_in_italian";
    public const string GeneralSource = "general_source";
    public const string PerProcedure = "per_procedure";
    public const string PerTopic = "per_topic";
    public const string ClarifyProcedure = "clarify_procedure";
    public const string NoAnswer = "no_answer";
    public const string OfferStaff = "offer_staff";
    public const string PersonalSituation = "personal_situation";
    public const string PrecisionGap = "precision_gap";
    public const string OfferDeclined = "offer_declined";
    public const string EscalationHuman = "escalation_human";
    public const string EscalationMedical = "escalation_medical";
    public const string EscalationAccepted = "escalation_accepted";
    public const string Emergency = "emergency";
    public const string Crisis = "crisis";
    public const string DoNotWait = "do_not_wait";
    public const string Fallback = "fallback";
    public const string FallbackOffer = "fallback_offer";
    public const string UnknownLanguage = "unknown_language";
    public const string Translation = "translation";
    public const string GreetingHello = "greeting_hello";
    public const string ProcedureNoted = "procedure_noted";
    public const string UnknownProcedure = "unknown_procedure";
    public const string GreetingThanks = "greeting_thanks";
    public const string GreetingBye = "greeting_bye";
    public const string OutOfScope = "out_of_scope";
    public const string EmptyMessage = "empty_message";
    public const string OptionYes = "option_yes";
    public const string OptionNo = "option_no";
    public const string HandoffRelay = "handoff_relay";
    public const string CareTeam = "care_team";
    public const string CallbackAsk = "callback_ask";
    public const string CallbackConfirmed = "callback_confirmed";
    public const string TechnicalProblem = "technical_problem";

    public static readonly IReadOnlyList<string> All =
    [
        Welcome, Disclaimer, AnswerIntro, QuotedInFrench, QuotedInItalian, GeneralSource, PerProcedure, PerTopic,
        ClarifyProcedure, NoAnswer, OfferStaff, PersonalSituation, PrecisionGap, OfferDeclined, EscalationHuman, EscalationMedical,
        EscalationAccepted, Emergency, Crisis, DoNotWait, Fallback, FallbackOffer, UnknownLanguage, Translation, GreetingHello,
        GreetingThanks, GreetingBye, OutOfScope, EmptyMessage, OptionYes, OptionNo, HandoffRelay, CareTeam, CallbackAsk, CallbackConfirmed,
        TechnicalProblem, ProcedureNoted, UnknownProcedure,
    ];
}
