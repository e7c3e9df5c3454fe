using Chatbot.Core.Content;
using Chatbot.Core.Escalation;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation.Policies;

/// <summary>Another language: say which ones the bot speaks, in the conversation's language.</summary>
public sealed class ForeignLanguage : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) => turn.Heard.IsForeign
        ? new(new Fallback(ReplyKeys.UnknownLanguage, LanguageDetector.Other)
            { Topic = "out_of_scope", Confidence = 0 }, turn.State)
        : null;
}

/// <summary>Right after a call-back was offered, a phone number or e-mail is the way to be called back.</summary>
public sealed class CallbackNumber : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        if (!turn.Before.CallbackAsked || turn.State.OpenEscalation is not { } open) return null;
        if (ContactDetails.Find(turn.Text) is { } contact)
        {
            return new(new CallbackNoted(open, contact) { Topic = "human" }, turn.State);
        }
        // "Oui" to "give a number if you wish": where to write it, and the question still open; "non": the
        // team answers here. Not "Hello! Ask me your question".
        if (!turn.Heard.IsOnlyYesOrNo) return null;
        return turn.Heard.IsYes && !turn.Heard.IsNo
            ? new(new SmallTalk(ReplyKeys.CallbackYes) { Topic = "human" }, turn.State with { CallbackAsked = true })
            : new(new SmallTalk(ReplyKeys.CallbackNo) { Topic = "human" }, turn.State);
    }
}

/// <summary>Staff have answered in this conversation: what the patient writes goes to them.</summary>
public sealed class StaffAnswering : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn) =>
        turn.State.Handoff is { } handoff ? new(new RelayToStaff(handoff) { Topic = "human" }, turn.State) : null;
}

/// <summary>
/// The reply to an offer of the team: yes, no, or a polite close — "ok merci" is not a yes, and the offer
/// stays open so that a "oui" next still reaches staff.
/// </summary>
public sealed class OfferAnswered : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        if (turn.Before.OfferedEscalation is not { } offered) return null;
        if (turn.Heard.IsClosing) return new(Greeting.Of(turn) with { KeepsOffer = true }, turn.State);
        // "ok. he must eat nothing before?": an answer to the offer that goes on to a question of the documents.
        var goesOn = turn.Text.Contains('?', StringComparison.Ordinal) && turn.Heard.Tokens.Count > 2
            && turn.Understood && turn.Kind == TopicKind.Answer;
        if (turn.Heard.IsYes && !goesOn)
        {
            var accepted = new Escalate(offered, ReplyKeys.EscalationAccepted) { Topic = Escalations.TopicOf(offered) };
            return new(accepted, turn.State);
        }
        return turn.Heard.IsNo ? new(new SmallTalk(ReplyKeys.OfferDeclined) { Topic = "greeting" }, turn.State) : null;
    }
}

/// <summary>
/// A bare "oui" or "no" when nothing was asked answers nothing: invite the question rather than guess a
/// topic. Right after an emergency it is about the emergency: the guidance again, never a greeting.
/// </summary>
public sealed class BareYesOrNo : ITurnPolicy
{
    public Outcome? Decide(TurnContext turn)
    {
        if (!turn.Heard.IsOnlyYesOrNo) return null;
        return turn.Emergency is not null ? RedFlagsFirst.GuidanceAgain(turn) : new(Greeting.Of(turn.Heard), turn.State);
    }
}

/// <summary>Hello, thanks or goodbye, as the patient said it.</summary>
public static class Greeting
{
    /// <summary>
    /// Thanks or goodbye right after an emergency or a crisis: not "another question?" but its numbers again,
    /// briefly — the patient may be leaving the chat without having called.
    /// </summary>
    public static SmallTalk Of(TurnContext turn) => turn.Emergency is { } emergency
        ? new(emergency == "crisis" ? ReplyKeys.CrisisReminder : ReplyKeys.EmergencyReminder)
            { Topic = "greeting" }
        : Of(turn.Heard);

    public static SmallTalk Of(Understanding.Understanding heard) => new(
        heard.IsGoodbye ? ReplyKeys.GreetingBye : heard.IsThanks ? ReplyKeys.GreetingThanks : ReplyKeys.GreetingHello)
    { Topic = "greeting" };
}

/// <summary>The topic an escalation is filed under, by its reason.</summary>
public static class Escalations
{
    public static string TopicOf(string reason) =>
        reason == EscalationReasons.MedicalAdvice ? "medical_advice" : "human";
}
