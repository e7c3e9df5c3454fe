using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the twelfth blind clinical review found (issue 20): a correction that denies the family's word
/// ("c'est une ostéosynthèse du bassin, pas une cimentoplastie") kept the vertebral document (3 D).
/// </summary>
public class TwelfthReviewTests
{
    [Theory]
    [InlineData("ma mere doit faire une cimentoplastie vertebrale, combien de temps elle restera a l hopital ?",
        "pardon je me suis trompee c est une osteosynthese du bassin pas une cimentoplastie")]
    [InlineData("my mum is having a vertebroplasty, how long will she stay in hospital?",
        "sorry my mistake, its an osteosynthesis of the pelvis not a cementoplasty")]
    public void ACorrection_ThatDeniesTheFamilysWord_IsTheProcedureNamed(string question, string correction) =>
        Transcript.Start().Send(question).Expect("answer", "hospital_stay", "vertebral_cementoplasty")
            .Send(correction).Expect("answer", "hospital_stay", "osteosynthesis")
            .ExpectQuotesFrom("osteosynthese-percutanee");

    [Fact]
    public void AFamilysWordAfterANo_WithNoOtherProcedure_IsStillTheFamily()
    {
        var chat = Transcript.Start()
            .Send("i take aspirin every day for heart. i stop or no for the cement in bone for cancer?");

        Assert.Equal("metastasis_cementoplasty", chat.Last.Procedure);
    }

    [Theory]
    [InlineData("whats the difference between vertebroplasty and percutaneous osteosynthesis, which is less risky?",
        "This precise point is not stated")]
    [InlineData("quelle difference entre cimentoplastie et osteosynthese percutanee ? laquelle fait moins mal",
        "Ce point précis n'est pas indiqué")]
    public void WhichOneIsSaferOrHurtsLess_TheDocumentsDoNotWeigh_SaidSo_TheTeamOffered(string message, string said) =>
        Transcript.Start().Send(message).Expect("answer", "definition").ExpectText(said)
            .ExpectEscalation("offered", "unanswered");

    [Fact]
    public void APlainComparison_GetsThePlainAnswer()
    {
        var chat = Transcript.Start().Send("c est quoi la difference entre la vertebroplastie et l osteosynthese ?")
            .Expect("answer", "definition");

        Assert.Null(chat.Last.Escalation);
    }

    [Fact]
    public void TwoQuestions_ThenWhichOne_BothAnsweredForTheProcedureSaid()
    {
        var chat = Transcript.Start().Send("is it painful, will i be asleep during it?").Expect("clarify")
            .Send("its for my crushed vertebra, osteoporosis").Expect("answer", procedure: "vertebral_cementoplasty");

        Assert.Contains("On Anaesthesia:", chat.Last.Text, StringComparison.Ordinal);
        Assert.Contains("On How it is done:", chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondQuestionWithoutItsMark_BeginningSentiro_IsAnswered()
    {
        var chat = Transcript.Start()
            .Send("la cementoplastica si fa in anestesia locale? sentiro dolore durante l iniezione")
            .Expect("answer", "anesthesia");

        Assert.Contains("Su «Anestesia»:", chat.Last.Text, StringComparison.Ordinal);
        Assert.Contains("Su «Come si svolge»:", chat.Last.Text, StringComparison.Ordinal);
    }
}
