using Chatbot.Core.Content;
using Chatbot.Core.Conversation.Policies;
using Chatbot.Core.Escalation;
using Chatbot.Core.Knowledge;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>
/// One turn of the conversation: (state, message) → decision → reply + new state. Pure: no I/O, and the
/// clock only for call-back times. The rules are the policies below, asked in order; the first decides.
/// </summary>
public sealed class Assistant
{
    /// <summary>A greeting read with less certainty, in a message that asks something, is not taken as one.</summary>
    private const double SureOfAGreeting = 0.9;

    /// <summary>Below this the bot says it did not understand rather than guess (see docs/decisions/001).</summary>
    public const double MinConfidence = 0.40;

    private readonly ChatContent content;
    private readonly Understander understander;
    private readonly SnippetIndex index;
    private readonly Composer say;
    private readonly SituationDetector situation;
    private readonly ProcedureMemory memory;
    private readonly TeamOffers offers;
    private readonly Replies replies;
    private readonly SelfServiceReplies selfService;
    private readonly TimeProvider time;
    private readonly Keeping keeping;
    private readonly IReadOnlyList<ITurnPolicy> policies;

    /// <param name="time">The clock (call-back times); the system clock by default.</param>
    /// <param name="hours">When the team calls back; weekdays 08:30–17:30, Paris time by default.</param>
    public Assistant(ChatContent content, TimeProvider? time = null, OfficeHours? hours = null)
        : this(content, new Understander(content), time, hours)
    {
    }

    /// <param name="understander">Already trained, or loaded from an <see cref="UnderstandingSnapshot"/>.</param>
    public Assistant(
        ChatContent content, Understander understander, TimeProvider? time = null, OfficeHours? hours = null)
        : this(content, understander, new SnippetIndex(content), new SituationDetector(content), time, hours, null)
    {
    }

    private Assistant(
        ChatContent content, Understander understander, SnippetIndex index, SituationDetector situation,
        TimeProvider? time, OfficeHours? hours, Keeping? keeping)
    {
        this.situation = situation;
        memory = new ProcedureMemory(content, understander, situation);
        offers = new TeamOffers(situation);
        this.content = content;
        this.understander = understander;
        this.index = index;
        say = new Composer(content);
        this.time = time ?? TimeProvider.System;
        this.keeping = keeping ?? Keeping.Default;
        selfService = new SelfServiceReplies(say, this.keeping);
        replies = new Replies(say, selfService, this.time, hours ?? OfficeHours.Default);
        var questions = new Questions(understander, content, situation);
        policies =
        [
            new EmptyMessage(),
            new RedFlagsFirst(understander),
            new ForeignLanguage(),
            new SelfServicePolicy(new PatientCommands(content)),
            new CallbackNumber(),
            new StaffAnswering(),
            new TranslationRequest(situation),
            new OfferAnswered(),
            new BareYesOrNo(),
            new EmergencyByTopic(),
            new AnyProcedure(content, index, situation),
            new Comparison(content, index, situation, offers),
            new ProcedureNoted(situation),
            new Introduction(situation),
            new PersonRequest(situation),
            // "Prende anche l'eliquis": told, not asked; the classifier's "medical advice" would open a request.
            new PersonalSituationTold(situation),
            new PersonalDecision(situation),
            new PracticalDetail(situation, index, offers, questions),
            new UnknownProcedureName(new UnknownProcedures(content)),
            new Answering(content, index, offers, questions, understander),
            new PersonalSituationAsked(situation),
            new SmallTalkByTopic(),
            new NotUnderstood(),
        ];
    }

    /// <summary>
    /// The same trained assistant with another clock, office hours and retention (training is the costly part).
    /// </summary>
    public Assistant With(TimeProvider time, OfficeHours hours, Keeping? keeping = null) =>
        new(content, understander, index, situation, time, hours, keeping);

    public ChatContent Content => content;

    public Understander Understander => understander;

    /// <summary>The welcome shown when a patient opens the chat, with what is kept and for how long.</summary>
    public string Welcome(string? locale) => selfService.Welcome(
        locale is { Length: >= 2 } && ChatContent.SupportedLanguages.Contains(locale[..2].ToLowerInvariant())
            ? locale[..2].ToLowerInvariant() : "fr");

    /// <param name="newEscalationId">The id an escalation opened by this turn gets (the host's; none in the CLI).
    /// </param>
    public Turn Reply(ConversationState state, string? text, string? locale = null, string? newEscalationId = null)
    {
        var now = time.GetUtcNow();
        // After a long silence, what the bot assumed no longer holds: a fresh context, and the patient told.
        var idle = keeping.IsIdle(state, now) && !string.IsNullOrWhiteSpace(text);
        var turn = Hear(idle ? state.FreshContext() : state, text, locale, newEscalationId);
        var outcome = policies.Select(p => p.Decide(turn)).First(o => o is not null)!;
        var written = Remind(turn, replies.Write(outcome, turn));
        // Compared with the reminder on both sides: a repeat while an emergency is open is still a repeat.
        if (TeamOffers.AfterARepeat(state, written) is { } offer)
        {
            var offered = outcome with { Decision = outcome.Decision with { Offer = offer } };
            written = Remind(turn, replies.Write(offered, turn));
        }
        if (idle && written.Decision is not Emergency)
        {
            written = Before(written, selfService.WelcomeBack(written.Result.Language, written.State));
        }
        var kept = written.State with { LastMessageAt = now };
        // Forgotten: not even the "yes" that asked for it is kept.
        if (written.Decision is SelfService { Command: SelfServiceCommands.Forgotten })
        {
            return written with { State = kept };
        }
        var transcript = Transcripts.Append(kept.Transcript, text, written.Result);
        return written with { State = kept with { Transcript = transcript } };
    }

    /// <summary>
    /// While an emergency or a crisis is open, whatever else the patient asks ("ok. how long before the pain
    /// goes away?") is answered after its numbers again: an answer alone would read as reassurance. Not when
    /// the reply is the guidance, already recalls it, or goes to staff who are in the chat. Self-service
    /// replies too ("forget me" does not close the emergency: staff do).
    /// </summary>
    private Turn Remind(TurnContext turn, Turn written) => turn.Emergency switch
    {
        null => written,
        _ when written.Decision is Emergency or RelayToStaff => written,
        _ when written.Decision is SmallTalk { ReplyKey: ReplyKeys.EmergencyReminder or ReplyKeys.CrisisReminder }
            => written,
        "crisis" => Before(written, say.Say(written.Result.Language, ReplyKeys.CrisisReminder)),
        _ => Before(written, say.Say(written.Result.Language, ReplyKeys.EmergencyReminder)),
    };

    private static Turn Before(Turn written, string first) =>
        written with { Result = written.Result with { Text = first + "\n\n" + written.Result.Text } };

    /// <summary>
    /// The message understood, and the state it starts from: the turn counted, the procedure and language
    /// heard, the one-turn expectations (a call-back number, an answer to an offer) consumed.
    /// </summary>
    private TurnContext Hear(ConversationState before, string? text, string? locale, string? newEscalationId)
    {
        var state = before with
        {
            Turns = before.Turns + 1, CallbackAsked = false, OfferedEscalation = null, ForgetMeAsked = false,
        };
        var fallbackLanguage = before.Language ?? "fr";
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsLetterOrDigit))
        {
            var nothing = Understanding.Understanding.Nothing(fallbackLanguage);
            return new(before, before with { Turns = state.Turns }, text ?? "", nothing, fallbackLanguage,
                "out_of_scope", 0, null, newEscalationId) { IsEmpty = true };
        }
        var previous = before.Transcript.LastOrDefault(l => l.From == "patient")?.Text;
        var heard = understander.Understand(text, locale, before.Language, previous);
        var language = heard.IsForeign ? fallbackLanguage : heard.Language;
        var procedure = memory.Hear(before, state, heard, language, !text.Contains('?', StringComparison.Ordinal));
        state = heard.IsForeign ? procedure.State : procedure.State with { Language = language };
        var (topic, confidence) = heard.Topic;
        // "et pour une ostéosynthèse ?", "ah non, une vertébroplastie", "c pour des métastases aux vertèbres"
        // after "which procedure?": still the question just asked.
        var stillTheQuestion = heard.OnlyAProcedure || heard.IsCorrection || procedure.TheOtherOne
            || AnswersWhichProcedure(before, text) || situation.AsksTheSame(heard.Tokens, language)
            || (heard.NamedProcedures.Count > 0 && situation.MeansTheOtherOne(heard.Tokens, language));
        var asksAgain = stillTheQuestion && procedure.NamesOne && (before.PendingTopic ?? before.LastTopic) is not null
            && !AsksAnotherTopic(heard, language, before);
        if (asksAgain) (topic, confidence) = ((before.PendingTopic ?? before.LastTopic)!, Math.Max(confidence, 0.9));
        else if ((AboutTheProcedure(heard, language) ?? AQuestionAfterHello(heard, text, language)) is { } question)
        {
            topic = question;
        }
        if (confidence >= MinConfidence) state = state with { FallbackCount = 0, PendingTopic = null };
        var kind = content.FindTopic(topic)?.Kind;
        var asked = asksAgain && previous is not null
            ? [.. understander.Tokens(previous, language), .. heard.Tokens] : heard.Tokens;
        return new(before, state, text, heard, language, topic, confidence, kind, newEscalationId)
        { AsksAgain = asksAgain, Question = asked };
    }

    /// <summary>
    /// "The other one, the osteosynthesis — is it general anaesthesia too?": another topic, said in its own
    /// words and read so, is asked about, not the one before.
    /// </summary>
    private bool AsksAnotherTopic(Understanding.Understanding heard, string language, ConversationState before) =>
        !heard.OnlyAProcedure && !heard.IsCorrection && before.PendingTopic is null
        && heard.Topic.Topic != before.LastTopic
        && content.FindTopic(heard.Topic.Topic)?.Kind == TopicKind.Answer
        && situation.NamesTopic(heard.Tokens, language, heard.Topic.Topic);

    /// <summary>After "which procedure?", a statement naming one is the answer, not a new question.</summary>
    private static bool AnswersWhichProcedure(ConversationState before, string text) =>
        before.PendingTopic is not null && !text.Contains('?', StringComparison.Ordinal);

    /// <summary>
    /// "slt c combien de tps la cimento pr metastase ?": a greeting first, but a question follows; the
    /// runner-up answers it when the greeting is not a sure reading.
    /// </summary>
    private string? AQuestionAfterHello(Understanding.Understanding heard, string text, string language) =>
        content.FindTopic(heard.Topic.Topic)?.Kind == TopicKind.Greeting && heard.Topic.Confidence < SureOfAGreeting
        && text.Contains('?', StringComparison.Ordinal) && situation.AsksSomething(heard.Tokens, language)
        && content.FindTopic(heard.Topic.RunnerUp)?.Kind == TopicKind.Answer
            ? heard.Topic.RunnerUp
            : null;

    /// <summary>
    /// "Je prends du Kardégic, y a-t-il plus de risque de saignement ?" reads as a personal decision, but it
    /// asks what the procedure does: the quotes on it and the team offered (TeamOffers), not a request.
    /// "Dois-je arrêter mon Kardégic ?" asks for a decision and still goes to the team.
    /// </summary>
    private string? AboutTheProcedure(Understanding.Understanding heard, string language) =>
        content.FindTopic(heard.Topic.Topic)?.Kind == TopicKind.MedicalAdvice
        && content.FindTopic(heard.Topic.RunnerUp)?.Kind == TopicKind.Answer
        && situation.HasPersonalFactor(heard.Tokens, language) && !situation.AsksForADecision(heard.Tokens, language)
            ? heard.Topic.RunnerUp
            : null;
}
