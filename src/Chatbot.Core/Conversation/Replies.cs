using Chatbot.Core.Escalation;
using Chatbot.Core.Knowledge;

namespace Chatbot.Core.Conversation;

/// <summary>
/// Writes a decision as the reply the patient reads and the result the host acts on, and keeps what the
/// reply commits the conversation to (an offer open, a call-back asked, the disclaimer shown).
/// </summary>
public sealed class Replies(Composer say, TimeProvider time, OfficeHours hours)
{
    public Turn Write(Outcome outcome, TurnContext turn)
    {
        var (decision, state) = outcome;
        var language = turn.Language;
        var (result, kept) = decision switch
        {
            Answer answer => Quotes(answer, state, language),
            NotInTheDocuments none => (Result(decision, turn, state, Actions.Escalate, say.NoAnswer(language, none.Topic, none.Procedures)), state),
            Clarify clarify => (Result(decision, turn, state, Actions.Clarify, say.Say(language, ReplyKeys.ClarifyProcedure),
                buttons: [.. clarify.Procedures.Select(p => say.ProcedureName(language, p))]), state with { PendingTopic = decision.Topic }),
            Emergency emergency => Alert(emergency, turn, state),
            Escalate escalate => (Result(decision, turn, state, Actions.Escalate, say.Say(language, escalate.ReplyKey) + "\n\n" + say.Say(language, ReplyKeys.CallbackAsk),
                escalation: new EscalationCreated(escalate.Reason) { Id = turn.NewEscalationId }),
                state with { CallbackAsked = true, OpenEscalation = turn.NewEscalationId ?? state.OpenEscalation }),
            RelayToStaff relay => (Result(decision, turn, state, Actions.Escalate, say.Say(language, ReplyKeys.HandoffRelay),
                escalation: new AddedToEscalation(EscalationReasons.HumanRequested, PatientLine(turn)) { Id = relay.EscalationId }), state),
            CallbackNoted noted => (Result(decision, turn, state, Actions.Escalate, CallbackConfirmed(language),
                escalation: new CallbackGiven(noted.Contact) { Id = noted.EscalationId }), state),
            SmallTalk talk => (Result(decision, turn, state, Actions.SmallTalk, say.Say(language, talk.ReplyKey),
                buttons: talk.ReplyKey == ReplyKeys.OutOfScope ? say.TopicChoices(language) : talk.KeepsOffer ? say.YesNo(language) : []),
                talk.KeepsOffer ? state with { OfferedEscalation = turn.Before.OfferedEscalation } : state),
            Fallback fallback => (Result(decision, turn, state, Actions.Fallback, say.Say(language, fallback.ReplyKey),
                buttons: fallback.ReplyKey == ReplyKeys.Fallback ? say.TopicChoices(language) : [],
                language: fallback.Language), state),
            _ => throw new InvalidOperationException("unknown decision " + decision.GetType().Name),
        };
        return decision.Offer is { } offer ? Offered(result, kept, offer, decision) : new Turn(result, kept, decision);
    }

    /// <summary>The reply, one plain sentence on why when there is one, and the offer; its buttons kept.</summary>
    private Turn Offered(TurnResult result, ConversationState state, TeamOffer offer, Decision decision)
    {
        var why = offer.Because is null ? "" : say.Say(result.Language, offer.Because) + " ";
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
        foreach (var topic in answer.NotAnswered) quoted += "\n\n" + say.NoAnswer(language, topic, [.. state.Procedures]);
        var result = new TurnResult(answer.Topic, Math.Round(answer.Confidence, 2), language, Procedure(state),
            Actions.Answer, quoted, citations, null, []);
        return (result, state with { DisclaimerShown = true });
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
        var result = Result(emergency, turn, state, Actions.Escalate, text, escalation: escalation) with { RedFlag = emergency.RedFlag };
        return (result, state with { OpenEscalation = escalation.Id ?? state.OpenEscalation });
    }

    private string CallbackConfirmed(string language) =>
        say.Say(language, ReplyKeys.CallbackConfirmed).Replace("{when}", hours.NextCall(time.GetUtcNow(), language), StringComparison.Ordinal);

    /// <summary>The patient's message as staff see it: masked, as in the transcript.</summary>
    private static TranscriptLine PatientLine(TurnContext turn) => Transcripts.PatientLine(turn.Text);

    private static string? Procedure(ConversationState state) => state.Procedures.Count == 1 ? state.Procedures[0] : null;

    private static TurnResult Result(
        Decision decision, TurnContext turn, ConversationState state, string action, string text,
        EscalationDecision? escalation = null, IReadOnlyList<string>? buttons = null, string? language = null) =>
        new(decision.Topic, Math.Round(decision.Confidence, 2), language ?? turn.Language, Procedure(state),
            action, text, [], escalation, buttons ?? []);
}
