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
    public const string GeneralSourceInFrench = "general_source_in_french";
    public const string PerProcedure = "per_procedure";
    public const string PerTopic = "per_topic";
    public const string ClarifyProcedure = "clarify_procedure";

    /// <summary>The last button of "which procedure?": the patient may not know (Policies/AnyProcedure).</summary>
    public const string ClarifyUnknown = "clarify_unknown";
    public const string ClarifyAgain = "clarify_again";
    public const string NoAnswer = "no_answer";
    public const string OfferStaff = "offer_staff";
    public const string PersonalSituation = "personal_situation";
    public const string PrecisionGap = "precision_gap";
    public const string Worry = "worry";
    public const string PracticalDetail = "practical_detail";
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

    // The patient's own commands, the welcome's privacy sentence, inactivity.
    public const string LanguageName = "language_name";
    public const string DurationDays = "duration_days";
    public const string DurationHours = "duration_hours";
    public const string WelcomePrivacy = "welcome_privacy";
    public const string PrivacyNotice = "privacy_notice";
    public const string Help = "help";
    public const string WhatWeKnowIntro = "what_we_know_intro";
    public const string WhatWeKnowLanguage = "what_we_know_language";
    public const string WhatWeKnowProcedure = "what_we_know_procedure";
    public const string WhatWeKnowRequest = "what_we_know_request";
    public const string WhatWeKnowMessages = "what_we_know_messages";
    public const string WhatWeKnowKept = "what_we_know_kept";
    public const string ForgetMeConfirm = "forget_me_confirm";
    public const string ForgetMeOptionYes = "forget_me_option_yes";
    public const string Forgotten = "forgotten";
    public const string ForgottenRequest = "forgotten_request";
    public const string ForgottenEmergency = "forgotten_emergency";
    public const string ForgetMeKept = "forget_me_kept";
    public const string StartedOver = "started_over";
    public const string WelcomeBack = "welcome_back";
    public const string RequestStillOpen = "request_still_open";
    public const string EmergencyReminder = "emergency_reminder";
    public const string ProcedureAssumed = "procedure_assumed";
    public const string CallbackYes = "callback_yes";
    public const string CallbackNo = "callback_no";
    public const string CrisisReminder = "crisis_reminder";
    public const string AddedToRequest = "added_to_request";
    public const string MoreQuestions = "more_questions";

    public static readonly IReadOnlyList<string> All =
    [
        Welcome, Disclaimer, AnswerIntro, QuotedInFrench, QuotedInItalian, GeneralSource, GeneralSourceInFrench, PerProcedure, PerTopic,
        ClarifyProcedure, ClarifyUnknown, NoAnswer, OfferStaff, PersonalSituation, PrecisionGap, PracticalDetail, OfferDeclined, EscalationHuman, EscalationMedical,
        EscalationAccepted, Emergency, Crisis, DoNotWait, Fallback, FallbackOffer, UnknownLanguage, Translation, GreetingHello,
        GreetingThanks, GreetingBye, OutOfScope, EmptyMessage, OptionYes, OptionNo, HandoffRelay, CareTeam, CallbackAsk, CallbackConfirmed,
        TechnicalProblem, ProcedureNoted, UnknownProcedure,
        LanguageName, DurationDays, DurationHours, WelcomePrivacy, PrivacyNotice, Help, WhatWeKnowIntro,
        WhatWeKnowLanguage, WhatWeKnowProcedure, WhatWeKnowRequest, WhatWeKnowMessages, WhatWeKnowKept,
        ForgetMeConfirm, ForgetMeOptionYes, Forgotten, ForgottenRequest, ForgottenEmergency, ForgetMeKept,
        StartedOver, WelcomeBack, RequestStillOpen, EmergencyReminder, CrisisReminder, ProcedureAssumed,
        CallbackYes, CallbackNo, AddedToRequest, ClarifyAgain, Worry, MoreQuestions,
    ];
}
