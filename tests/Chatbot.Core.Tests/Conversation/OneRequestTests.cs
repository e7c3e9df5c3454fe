using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// One patient, one request: while one is open with the team (a request for a person, an emergency), what
/// the team should answer next is added to it — no second escalation, no offer of what is already done.
/// </summary>
public class OneRequestTests
{
    private static readonly Assistant Bot = TestContent.Assistant;

    [Theory]
    [InlineData("je veux parler à quelqu'un", "combien coûte la vertébroplastie ?",
        "Votre demande est déjà transmise à l'équipe")]
    [InlineData("vorrei parlare con qualcuno", "quanto costa la cementoplastica?",
        "La sua richiesta è già stata trasmessa all'équipe")]
    [InlineData("I'd like to talk to a person", "how much does the vertebroplasty cost?",
        "Your request is already with the team")]
    public void AQuestionTheDocumentsLeaveOpen_WithARequestOpen_IsAddedToIt_NotOffered(
        string request, string question, string added)
    {
        var first = Bot.Reply(ConversationState.New, request, newEscalationId: "esc-1");

        var next = Bot.Reply(first.State, question, newEscalationId: "esc-2");

        Assert.Equal("esc-1", Assert.IsType<AddedToEscalation>(next.Result.Escalation).Id);
        Assert.Contains(added, next.Result.Text, StringComparison.Ordinal);
        Assert.Empty(next.Result.SuggestedActions);
        Assert.Null(next.State.OfferedEscalation);
    }

    [Fact]
    public void APersonalDecision_WithARequestOpen_JoinsIt_AndTheCallBackIsNotAskedAgain()
    {
        var first = Bot.Reply(ConversationState.New, "je veux parler à quelqu'un", newEscalationId: "esc-1");

        var next = Bot.Reply(first.State, "je prends du Kardégic, dois-je l'arrêter avant la vertébroplastie ?",
            newEscalationId: "esc-2");

        Assert.Equal("medical_advice", next.Result.Topic);
        Assert.Equal("esc-1", Assert.IsType<AddedToEscalation>(next.Result.Escalation).Id);
        Assert.DoesNotContain("numéro de téléphone", next.Result.Text, StringComparison.Ordinal);
        Assert.Equal("esc-1", next.State.OpenEscalation);
    }

    [Fact]
    public void WhileAnEmergencyIsOpen_AnUnansweredQuestion_IsRecalledFirst_ThenAddedToTheEmergency()
    {
        var first = Bot.Reply(ConversationState.New, "j'ai eu une vertébroplastie hier et je ne sens plus mes jambes",
            newEscalationId: "esc-1");

        var next = Bot.Reply(first.State, "combien ça coûte ?", newEscalationId: "esc-2");

        Assert.StartsWith("Rappel : ce que vous avez décrit peut être une urgence", next.Result.Text, StringComparison.Ordinal);
        Assert.Equal("esc-1", Assert.IsType<AddedToEscalation>(next.Result.Escalation).Id);
        Assert.DoesNotContain("Souhaitez-vous", next.Result.Text, StringComparison.Ordinal);
    }
}
