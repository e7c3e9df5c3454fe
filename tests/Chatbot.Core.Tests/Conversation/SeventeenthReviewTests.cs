namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the seventeenth blind clinical review found (issue 20, 91.4 % A, no D): an Italian risk question on an
/// unnamed "cementoplastica" refused because the Italian document says nothing of risks; a precision (breakfast
/// before a 2 pm operation) or a visitor's insurance card left unsaid.
/// </summary>
public class SeventeenthReviewTests
{
    [Fact]
    public void AnItalianRiskQuestion_TheItalianDocumentDoesNotAnswer_AsksWhichOne_AmongThoseThatDo()
    {
        var chat = Transcript.Start().Send("la cementoplastica e pericolosa? ho letto di embolia")
            .Expect("clarify", "risks");

        Assert.Contains("Cementoplastica per metastasi ossee (documento francese)", chat.Last.SuggestedActions);
        Assert.DoesNotContain("Cementoplastica ossea", chat.Last.SuggestedActions);
        chat.Send("Cementoplastica per metastasi ossee (documento francese)")
            .Expect("answer", "risks", "metastasis_cementoplasty");
        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("embolie de ciment", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("can i eat breakfast before the pelvic screw fixation? op is at 2pm", "fasting")]
    [InlineData("Is percutaneous osteosynthesis covered by insurance? I'm British with an EHIC card, visiting France",
        "reimbursement")]
    public void APrecisionTheQuoteDoesNotGive_IsSaid_AndTheTeamOffered(string message, string topic) =>
        Transcript.Start().Send(message).Expect("answer", topic, "osteosynthesis")
            .ExpectEscalation("offered", "unanswered");

    [Fact]
    public void BackAtTheOffice_AfterTheMetastasesProcedure_IsNotStated_AndTheTeamOffered() =>
        Transcript.Start().Send("How long before I'm back at the office after the cementoplasty for my bone mets?")
            .Expect("answer", "recovery", "metastasis_cementoplasty").ExpectEscalation("offered", "unanswered");

    [Fact]
    public void BackToWork_AfterTheScrews_IsAnsweredByTheFrenchSickLeave_InAnotherLanguage()
    {
        var chat = Transcript.Start().Send("when can I go back to work after the pelvic screws?")
            .Expect("answer", "recovery", "osteosynthesis");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("arrêt de travail", StringComparison.Ordinal));
        Assert.Null(chat.Last.Escalation);
    }

    [Fact]
    public void TwoWordsAfterAQuestionMark_SayMoreOfTheQuestion_NotASecondOne()
    {
        var chat = Transcript.Start()
            .Send("apres la vertebroplastie combien de temps je dois rester allongé a plat ? des heures ?")
            .Expect("answer", "walking", "vertebral_cementoplasty").ExpectEscalation("offered", "unanswered");

        Assert.DoesNotContain("jeun", chat.Last.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can I reschedule the vertebroplasty appointment?")]
    [InlineData("est-ce que je peux déplacer le rendez-vous de la vertébroplastie ?")]
    public void MovingTheAppointment_IsForTheTeam(string message) =>
        Assert.NotNull(Transcript.Start().Send(message).Last.Escalation);
}
