using Chatbot.Core.Content;
using Chatbot.Core.Escalation;
using Chatbot.Core.Knowledge;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>
/// One turn of the conversation: (state, message) → result + new state. Pure: no I/O, no clock.
/// Order matters: empty input, foreign language, red flags, pending offers, then the topic.
/// </summary>
public sealed class Assistant
{
    /// <summary>Below this the bot says it did not understand rather than guess (see docs/decisions/001).</summary>
    public const double MinConfidence = 0.40;

    private readonly ChatContent content;
    private readonly Understander understander;
    private readonly SnippetIndex index;
    private readonly Composer say;
    private readonly TeamOffers offers;
    private readonly TimeProvider time;
    private readonly OfficeHours hours;

    /// <param name="time">The clock (call-back times); the system clock by default.</param>
    /// <param name="hours">When the team calls back; weekdays 08:30–17:30, Paris time by default.</param>
    public Assistant(ChatContent content, TimeProvider? time = null, OfficeHours? hours = null)
        : this(content, new Understander(content), time, hours)
    {
    }

    /// <param name="understander">Already trained, or loaded from an <see cref="UnderstandingSnapshot"/>.</param>
    public Assistant(ChatContent content, Understander understander, TimeProvider? time = null, OfficeHours? hours = null)
    {
        this.content = content;
        this.time = time ?? TimeProvider.System;
        this.hours = hours ?? OfficeHours.Default;
        this.understander = understander;
        index = new SnippetIndex(content);
        say = new Composer(content);
        offers = new TeamOffers(say, new SituationDetector(content));
    }

    private Assistant(Assistant trained, TimeProvider time, OfficeHours hours)
    {
        content = trained.content;
        understander = trained.understander;
        index = trained.index;
        say = trained.say;
        offers = trained.offers;
        this.time = time;
        this.hours = hours;
    }

    /// <summary>The same trained assistant with another clock and office hours (training is the costly part).</summary>
    public Assistant With(TimeProvider time, OfficeHours hours) => new(this, time, hours);

    public ChatContent Content => content;

    public Understander Understander => understander;

    /// <summary>The welcome shown when a patient opens the chat.</summary>
    public string Welcome(string? locale) =>
        say.Say(locale is { Length: >= 2 } && ChatContent.SupportedLanguages.Contains(locale[..2].ToLowerInvariant()) ? locale[..2].ToLowerInvariant() : "fr", ReplyKeys.Welcome);

    public Turn Reply(ConversationState state, string? text, string? locale = null)
    {
        var turn = Decide(state with { Turns = state.Turns + 1 }, text, locale);
        turn = offers.AfterARepeat(state, turn);
        return turn with { State = turn.State with { Transcript = Transcripts.Append(turn.State.Transcript, text, turn.Result) } };
    }

    private Turn Decide(ConversationState state, string? text, string? locale)
    {
        var fallbackLanguage = state.Language ?? "fr";
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsLetterOrDigit))
        {
            return new Turn(Result("out_of_scope", 0, fallbackLanguage, state, Actions.Fallback, say.Say(fallbackLanguage, ReplyKeys.EmptyMessage)), state);
        }
        var heard = understander.Understand(text, locale, state.Language, state.Transcript.LastOrDefault(l => l.From == "patient")?.Text);
        var language = heard.IsForeign ? fallbackLanguage : heard.Language;
        if (heard.Procedures.Count > 0) state = state with { Procedures = Known(state.Procedures, Narrow(heard.Procedures, language)) };
        // Red flags first, whatever the language: an emergency typed in Spanish still gets the numbers.
        if (heard.RedFlag is { } flag) return Emergency(state, language, flag.Id, flag.IsCrisis);
        // "It's getting worse" or "can't we wait until tomorrow?" after an emergency or a crisis (until
        // another question is answered) is about it, never a brochure question. Safety first: no time limit.
        if (AfterEmergency(state) && understander.SaysWorse(heard)) return GuidanceAgain(state, language);
        if (heard.IsForeign)
        {
            return new Turn(Result("out_of_scope", 0, LanguageDetector.Other, state, Actions.Fallback, say.Say(fallbackLanguage, ReplyKeys.UnknownLanguage)), state);
        }
        state = state with { Language = language };
        if (state.CallbackAsked)
        {
            state = state with { CallbackAsked = false };
            if (state.OpenEscalation is { } open && ContactDetails.Find(text) is { } contact)
            {
                var confirmed = say.Say(language, ReplyKeys.CallbackConfirmed).Replace("{when}", hours.NextCall(time.GetUtcNow(), language), StringComparison.Ordinal);
                return new Turn(Result("human", 1, language, state, Actions.Escalate, confirmed, escalation: EscalationDecision.CallbackGiven(open, contact)), state);
            }
        }
        if (state.Handoff is { } handoff)
        {
            return new Turn(Result("human", 1, language, state, Actions.Escalate, say.Say(language, ReplyKeys.HandoffRelay), escalation: EscalationDecision.Relayed(handoff)), state);
        }

        if (state.OfferedEscalation is { } offered)
        {
            state = state with { OfferedEscalation = null };
            // The offer stays open after "ok merci": a "oui" next still reaches staff.
            if (heard.IsClosing)
            {
                var thanks = SmallTalk(state with { OfferedEscalation = offered }, language, heard, 1);
                return thanks with { Result = thanks.Result with { SuggestedActions = say.YesNo(language) } };
            }
            if (heard.IsYes) return Escalate(state, language, offered, ReplyKeys.EscalationAccepted, 1);
            if (heard.IsNo) return new Turn(Result("greeting", 1, language, state, Actions.SmallTalk, say.Say(language, ReplyKeys.OfferDeclined)), state);
        }

        // A bare "oui" or "no" when nothing was asked answers nothing: invite the question rather than guess
        // a topic. Right after an emergency it is about the emergency: the guidance again, never a greeting.
        if (heard.IsOnlyYesOrNo)
        {
            return AfterEmergency(state) ? GuidanceAgain(state, language) : SmallTalk(state, language, heard, 1);
        }

        var (topic, confidence) = heard.Topic;
        if ((heard.OnlyAProcedure || heard.IsCorrection) && heard.Procedures.Count > 0 && (state.PendingTopic ?? state.LastTopic) is { } earlier)
        {
            (topic, confidence) = (earlier, Math.Max(confidence, 0.9));
        }
        else if (confidence < MinConfidence)
        {
            return Fallback(state, language, topic, confidence);
        }
        state = state with { FallbackCount = 0, PendingTopic = null };
        return content.FindTopic(topic)?.Kind switch
        {
            TopicKind.Emergency => Emergency(state, language, redFlag: null),
            TopicKind.Crisis => Emergency(state, language, redFlag: null, crisis: true),
            TopicKind.Human => Escalate(state, language, EscalationReasons.HumanRequested, ReplyKeys.EscalationHuman, confidence),
            TopicKind.MedicalAdvice => Escalate(state, language, EscalationReasons.MedicalAdvice, ReplyKeys.EscalationMedical, confidence),
            TopicKind.Greeting => SmallTalk(state, language, heard, confidence),
            TopicKind.Answer => offers.WithinTheDocumentsLimits(
                Answer(state with { LastTopic = topic }, language, topic, confidence, heard.Tokens), heard.Tokens),
            _ => new Turn(Result(topic, confidence, language, state, Actions.SmallTalk, say.Say(language, ReplyKeys.OutOfScope), suggested: say.TopicChoices(language)), state),
        };
    }

    private Turn Answer(ConversationState state, string language, string topic, double confidence, IReadOnlyList<Token> question)
    {
        var candidates = state.Procedures.Count > 0 ? state.Procedures : content.Procedures.Select(p => p.Id).ToList();
        var passages = candidates.Select(p => index.Find(topic, p, question)).ToList();
        var answered = passages.Where(p => p.Snippets.Count > 0).ToList();
        if (answered.Count == 0)
        {
            var text = say.NoAnswer(language, topic, candidates);
            return new Turn(
                Result(topic, confidence, language, state, Actions.Escalate, text, escalation: EscalationDecision.Offered(EscalationReasons.Unanswered), suggested: say.YesNo(language)),
                state with { OfferedEscalation = EscalationReasons.Unanswered });
        }
        if (candidates.Count > 1)
        {
            // Never merge what different procedures' documents say: ask which one.
            var choices = candidates.Select(p => say.ProcedureName(language, p)).ToList();
            return new Turn(
                Result(topic, confidence, language, state, Actions.Clarify, say.Say(language, ReplyKeys.ClarifyProcedure), suggested: choices),
                state with { PendingTopic = topic });
        }
        var (quoted, citations) = say.Quote(language, answered, withDisclaimer: !state.DisclaimerShown);
        return new Turn(Result(topic, confidence, language, state, Actions.Answer, quoted, citations), state with { DisclaimerShown = true });
    }

    /// <summary>
    /// The emergency numbers and the team alerted at once; for a crisis, the crisis lines too and the topic
    /// <c>crisis</c>, so the escalation record says it is one.
    /// </summary>
    private Turn Emergency(ConversationState state, string language, string? redFlag, bool crisis = false)
    {
        var (topic, reply) = crisis ? ("crisis", ReplyKeys.Crisis) : ("emergency", ReplyKeys.Emergency);
        // One emergency, one escalation: while the conversation is still about it, what the patient adds
        // goes to the escalation already open (and is notified), not to a new ordinary request.
        var escalation = AfterEmergency(state) && state.OpenEscalation is { } open
            ? EscalationDecision.AddedToEmergency(open)
            : EscalationDecision.Created(EscalationReasons.Emergency);
        var result = Result(topic, 1, language, state, Actions.Escalate, say.Say(language, reply), escalation: escalation)
            with { RedFlag = redFlag };
        return new(result, state with { OfferedEscalation = null, PendingTopic = null, FallbackCount = 0, LastTopic = topic });
    }

    private static bool AfterEmergency(ConversationState state) => state.LastTopic is "emergency" or "crisis";

    /// <summary>The same guidance as the emergency or crisis just before.</summary>
    private Turn GuidanceAgain(ConversationState state, string language) =>
        Emergency(state, language, redFlag: null, crisis: state.LastTopic == "crisis");

    private Turn Escalate(ConversationState state, string language, string reason, string replyKey, double confidence)
    {
        var topic = reason switch
        {
            EscalationReasons.HumanRequested => "human",
            EscalationReasons.MedicalAdvice => "medical_advice",
            _ => "human",
        };
        // Staff will get back to the patient: offer a call-back (an emergency is told to call 15/112 instead).
        var text = say.Say(language, replyKey) + "\n\n" + say.Say(language, ReplyKeys.CallbackAsk);
        return new Turn(Result(topic, confidence, language, state, Actions.Escalate, text, escalation: EscalationDecision.Created(reason)), state with { CallbackAsked = true });
    }

    private Turn SmallTalk(ConversationState state, string language, Understanding.Understanding heard, double confidence)
    {
        var key = heard.IsGoodbye ? ReplyKeys.GreetingBye : heard.IsThanks ? ReplyKeys.GreetingThanks : ReplyKeys.GreetingHello;
        return new Turn(Result("greeting", confidence, language, state, Actions.SmallTalk, say.Say(language, key)), state);
    }

    private Turn Fallback(ConversationState state, string language, string topic, double confidence)
    {
        var count = state.FallbackCount + 1;
        if (count >= 2)
        {
            return new Turn(
                Result(topic, confidence, language, state, Actions.Fallback, say.Say(language, ReplyKeys.FallbackOffer), escalation: EscalationDecision.Offered(EscalationReasons.LowConfidence), suggested: say.YesNo(language)),
                state with { FallbackCount = count, OfferedEscalation = EscalationReasons.LowConfidence });
        }
        return new Turn(Result(topic, confidence, language, state, Actions.Fallback, say.Say(language, ReplyKeys.Fallback), suggested: say.TopicChoices(language)), state with { FallbackCount = count });
    }

    /// <summary>
    /// A word shared by several procedures ("le ciment", "cimentoplastie") never erases the one already known:
    /// it is still that one. Another procedure's own name replaces it.
    /// </summary>
    private static List<string> Known(IReadOnlyList<string> known, List<string> named) =>
        known.Count == 1 && named.Count > 1 && named.Contains(known[0]) ? [known[0]] : named;

    /// <summary>A family name in Italian means the Italian document's procedure when only it is written in Italian.</summary>
    private List<string> Narrow(IReadOnlyList<string> procedures, string language)
    {
        if (procedures.Count < 2) return [.. procedures];
        var inLanguage = procedures.Where(p => content.Documents.Any(d => !d.IsGeneral && d.Language == language && d.Procedures.Contains(p))).ToList();
        return language != "fr" && inLanguage.Count == 1 ? inLanguage : [.. procedures];
    }

    private static TurnResult Result(
        string topic, double confidence, string language, ConversationState state, string action, string text,
        IReadOnlyList<Citation>? citations = null, EscalationDecision? escalation = null, IReadOnlyList<string>? suggested = null) =>
        new(topic, Math.Round(confidence, 2), language, state.Procedures.Count == 1 ? state.Procedures[0] : null,
            action, text, citations ?? [], escalation, suggested ?? []);
}
