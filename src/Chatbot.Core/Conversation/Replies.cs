using Chatbot.Core.Escalation;
using Chatbot.Core.Knowledge;

namespace Chatbot.Core.Conversation;

/// <summary>
/// Writes a decision as the reply the patient reads and the result the host acts on, and keeps what the
/// reply commits the conversation to (an offer open, a call-back asked, the disclaimer shown).
/// </summary>
public sealed class Replies(Composer say, SelfServiceReplies selfService, TimeProvider time, OfficeHours hours)
{
    public Turn Write(Outcome outcome, TurnContext turn)
    {
        var (decision, state) = outcome;
        var (result, kept) = decision switch
        {
            Answer answer => Quotes(answer, state, turn.Language),
            Emergency emergency => Alert(emergency, turn, state),
            Escalate escalate => Escalated(escalate, turn, state),
            _ => (Plain(decision, turn, state), Kept(decision, turn, state)),
        };
        return decision.Offer is { } offer
            ? Offered(result, kept, offer, decision, turn)
            : new Turn(result, kept, decision);
    }

    /// <summary>The replies that are one sentence of the bot's, with their buttons and escalation.</summary>
    private TurnResult Plain(Decision decision, TurnContext turn, ConversationState state)
    {
        var language = turn.Language;
        TurnResult Reply(
            string action, string text, EscalationDecision? escalation = null, IReadOnlyList<string>? buttons = null) =>
            Result(decision, turn, state, action, text, escalation, buttons);
        return decision switch
        {
            NotInTheDocuments none => Reply(Actions.Escalate, say.NoAnswer(language, none.Topic, none.Procedures)),
            // Asked again (the offer comes with it): not the same question, and no "I don't know" button twice.
            Clarify { Offer: not null } again => Reply(Actions.Clarify, say.Say(language, ReplyKeys.ClarifyAgain),
                buttons: [.. again.Procedures.Select(p => say.ProcedureName(language, p))]),
            Clarify clarify => Reply(Actions.Clarify, say.Say(language, ReplyKeys.ClarifyProcedure),
                buttons: [.. clarify.Procedures.Select(p => say.ProcedureName(language, p)),
                    say.Say(language, ReplyKeys.ClarifyUnknown)]),
            RelayToStaff relay => Reply(Actions.Escalate, say.Say(language, ReplyKeys.HandoffRelay),
                new AddedToEscalation(EscalationReasons.HumanRequested, PatientLine(turn)) { Id = relay.EscalationId }),
            CallbackNoted noted => Reply(Actions.Escalate, CallbackConfirmed(language),
                new CallbackGiven(noted.Contact) { Id = noted.EscalationId }),
            SmallTalk talk => Reply(Actions.SmallTalk, say.Say(language, talk.ReplyKey), buttons:
                talk.ReplyKey is ReplyKeys.OutOfScope or ReplyKeys.ProcedureNoted ? say.TopicChoices(language)
                : talk.KeepsOffer ? say.YesNo(language) : []),
            SelfService self => Reply(Actions.SmallTalk, selfService.Text(self, language, turn.Before, state),
                self.ErasedRequest is { } erased ? new ErasureAsked { Id = erased } : null,
                selfService.Buttons(self, language)),
            Fallback fallback => Reply(Actions.Fallback, say.Say(language, fallback.ReplyKey),
                buttons: fallback.ReplyKey == ReplyKeys.Fallback ? say.TopicChoices(language) : [])
                with { Language = fallback.Language ?? language },
            _ => throw new InvalidOperationException("unknown decision " + decision.GetType().Name),
        };
    }

    /// <summary>What a one-sentence reply commits to: the question of "which procedure?", an offer kept open.</summary>
    private static ConversationState Kept(Decision decision, TurnContext turn, ConversationState state) =>
        decision switch
    {
        Clarify => state with { PendingTopic = decision.Topic },
        // "Not for any of them": the procedure named next is an answer, and the question is asked for it.
        NotInTheDocuments { Procedures.Count: > 1 } => state with { PendingTopic = decision.Topic },
        SmallTalk { KeepsOffer: true } => state with { OfferedEscalation = turn.Before.OfferedEscalation },
        _ => state,
    };

    /// <summary>
    /// The reply, one plain sentence on why when there is one, and the offer; its buttons kept. With a request
    /// already open, nothing to offer: the message is added to it, and the patient told.
    /// </summary>
    private Turn Offered(
        TurnResult result, ConversationState state, TeamOffer offer, Decision decision, TurnContext turn)
    {
        var why = offer.Because is null ? "" : say.Say(result.Language, offer.Because) + " ";
        if (state.OpenEscalation is { } open)
        {
            var added = result with
            {
                Text = result.Text + "\n\n" + why + say.Say(result.Language, ReplyKeys.AddedToRequest),
                Escalation = Joined(turn, open, offer.Reason),
            };
            return new Turn(added, state, decision);
        }
        var offered = result with
        {
            Text = result.Text + "\n\n" + why + say.Say(result.Language, ReplyKeys.OfferStaff),
            Escalation = new EscalationOffered(offer.Reason),
            SuggestedActions = [.. result.SuggestedActions, .. say.YesNo(result.Language)],
        };
        return new Turn(offered, state with { OfferedEscalation = offer.Reason }, decision);
    }

    private (TurnResult, ConversationState) Quotes(Answer answer, ConversationState state, string language)
    {
        var (quoted, citations) = say.Quote(language, answer.Passages, withDisclaimer: !state.DisclaimerShown);
        foreach (var topic in answer.NotAnswered)
        {
            quoted += "\n\n" + say.NoAnswer(language, topic, [.. state.Procedures]);
        }
        if (answer.MoreQuestions) quoted += "\n\n" + say.Say(language, ReplyKeys.MoreQuestions);
        IReadOnlyList<string> buttons = [];
        if (state.ProcedureAssumed && answer.Passages is [var passage] && say.Assumed(language, passage.Procedure) is
            { } assumed)
        {
            (quoted, buttons) = (assumed.Text + "\n\n" + quoted, assumed.Others);
        }
        var result = new TurnResult(answer.Topic, Math.Round(answer.Confidence, 2), language, Procedure(state),
            Actions.Answer, quoted, citations, null, buttons);
        return (result, state with { DisclaimerShown = true });
    }

    /// <summary>
    /// A person needed now: the escalation opened, and a call-back offered. One patient, one request: with one
    /// already open (an emergency, a request for a person), the question is added to it, not filed again.
    /// </summary>
    private (TurnResult, ConversationState) Escalated(Escalate escalate, TurnContext turn, ConversationState state)
    {
        var text = say.Say(turn.Language, escalate.ReplyKey);
        if (state.OpenEscalation is { } open)
        {
            return (Result(escalate, turn, state, Actions.Escalate, text, Joined(turn, open, escalate.Reason)), state);
        }
        text += "\n\n" + say.Say(turn.Language, ReplyKeys.CallbackAsk);
        var created = new EscalationCreated(escalate.Reason) { Id = turn.NewEscalationId };
        var result = Result(escalate, turn, state, Actions.Escalate, text, created);
        var opened = created.Id is null ? state
            : state with { OpenEscalation = created.Id, OpenEscalationReason = escalate.Reason };
        return (result, opened with { CallbackAsked = true });
    }

    /// <summary>
    /// One emergency, one escalation: while the conversation is still about it, what the patient adds goes
    /// to the escalation already open (and is notified), not to a new ordinary request.
    /// </summary>
    private (TurnResult, ConversationState) Alert(Emergency emergency, TurnContext turn, ConversationState state)
    {
        var language = turn.Language;
        var text = say.Say(language, emergency.IsCrisis ? ReplyKeys.Crisis : ReplyKeys.Emergency);
        if (emergency.Again && !emergency.IsCrisis) text = say.Say(language, ReplyKeys.DoNotWait) + " " + text;
        EscalationDecision escalation = emergency.OpenEscalation is { } open
            ? new AddedToEscalation(EscalationReasons.Emergency, PatientLine(turn)) { Id = open }
            : new EscalationCreated(EscalationReasons.Emergency) { Id = turn.NewEscalationId };
        var result = Result(emergency, turn, state, Actions.Escalate, text, escalation)
            with { RedFlag = emergency.RedFlag };
        var reported = state with { ReportedEmergency = emergency.Topic };
        return (result, escalation.Id is null ? reported
            : reported with { OpenEscalation = escalation.Id, OpenEscalationReason = EscalationReasons.Emergency });
    }

    private static AddedToEscalation Joined(TurnContext turn, string open, string reason) =>
        new(reason, PatientLine(turn)) { Id = open };

    private string CallbackConfirmed(string language) => say.Say(language, ReplyKeys.CallbackConfirmed)
        .Replace("{when}", hours.NextCall(time.GetUtcNow(), language), StringComparison.Ordinal);

    /// <summary>The patient's message as staff see it: masked, as in the transcript.</summary>
    private static TranscriptLine PatientLine(TurnContext turn) => Transcripts.PatientLine(turn.Text);

    private static string? Procedure(ConversationState state) =>
        state.Procedures.Count == 1 ? state.Procedures[0] : null;

    private static TurnResult Result(
        Decision decision, TurnContext turn, ConversationState state, string action, string text,
        EscalationDecision? escalation = null, IReadOnlyList<string>? buttons = null) =>
        new(decision.Topic, Math.Round(decision.Confidence, 2), turn.Language, Procedure(state),
            action, text, [], escalation, buttons ?? []);
}
