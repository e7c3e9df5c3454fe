using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// The escalation is the assistant's: the host gives the id a new one gets, and the assistant remembers it,
/// so what follows an emergency is added to it (masked), never a second request (issue 20).
/// </summary>
public class OneEmergencyTests
{
    private static readonly Assistant Bot = TestContent.Assistant;

    [Fact]
    public void AfterAnEmergency_WaitingIsNotAdvised_AndTheMessageJoinsTheSameEscalation()
    {
        var first = Bot.Reply(ConversationState.New, "j'ai 39,5 de fièvre depuis ma vertébroplastie", newEscalationId: "esc-1");
        var created = Assert.IsType<EscalationCreated>(first.Result.Escalation);
        Assert.Equal(("esc-1", "esc-1"), (created.Id, first.State.OpenEscalation));

        var next = Bot.Reply(first.State, "je peux attendre demain matin ? c'est Mme Martin au 06 12 34 56 78", newEscalationId: "esc-2");
        var added = Assert.IsType<AddedToEscalation>(next.Result.Escalation);
        Assert.Equal(("esc-1", "emergency"), (added.Id, added.Reason));
        Assert.DoesNotContain("06 12", added.Line.Text, StringComparison.Ordinal);
        Assert.StartsWith(TestContent.Content.Reply("fr", "do_not_wait"), next.Result.Text, StringComparison.Ordinal);
        Assert.IsType<Emergency>(next.Decision);
    }

    [Fact]
    public void EveryEscalationCreated_CarriesTheHostsId_AndTheStateRemembersIt()
    {
        var turn = Bot.Reply(ConversationState.New, "je voudrais parler à quelqu'un", newEscalationId: "esc-9");
        Assert.Equal(("esc-9", "esc-9"), (turn.Result.Escalation?.Id, turn.State.OpenEscalation));
        Assert.IsType<Escalate>(turn.Decision);
    }

    [Fact]
    public void DuringAHandoff_ThePatientsMessage_IsRelayedMasked()
    {
        var turn = Bot.Reply(ConversationState.New with { Handoff = "esc-3" }, "merci, mon numéro est le 06 12 34 56 78");
        var relayed = Assert.IsType<AddedToEscalation>(turn.Result.Escalation);
        Assert.Equal(("esc-3", "relayed"), (relayed.Id, relayed.Status));
        Assert.DoesNotContain("06 12", relayed.Line.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("j'ai 40 de fièvre depuis hier soir", "merci", "Rappel : ce que vous avez décrit peut être une urgence")]
    [InlineData("I want to end my life", "thanks, bye", "you can talk to someone at any hour")]
    public void ThanksRightAfterAnEmergency_GetsItsNumbersAgain_NotAnotherQuestion(string alarm, string thanks, string reminder)
    {
        var chat = Transcript.Start().Send(alarm).Expect("escalate").Send(thanks).Expect("smalltalk");

        Assert.Contains(reminder, chat.Last.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("question", chat.Last.Text, StringComparison.OrdinalIgnoreCase);
    }
}
