namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the sixteenth blind clinical review found (issue 20): no D; "ma famille serait plus tranquille sans moi"
/// given the physical-emergency text, not the crisis line; writers who only introduced themselves answered as
/// if they had asked (a request for staff, fasting, "I did not understand"); an anticoagulant question read
/// as fasting; practical questions sent to reception.
/// </summary>
public class SixteenthReviewTests
{
    [Theory]
    [InlineData("je n en peux plus de cette douleur au dos depuis des mois, je me dis que ma famille serait plus " +
        "tranquille sans moi")]
    [InlineData("a volte penso che i miei figli sarebbero piu tranquilli senza di me")]
    [InlineData("honestly my family would be more peaceful without me")]
    public void TheFamilyCalmerWithoutMe_IsACrisis(string message) =>
        Transcript.Start().Send(message).Expect("escalate", "crisis").ExpectEscalation("created", "emergency");

    [Fact]
    public void AGranddaughterIntroducingHerself_IsGreeted_NotARequestForStaff()
    {
        var chat = Transcript.Start()
            .Send("buongiorno sono la nipote scrivo per la nonna Carmela che non sa usare il telefono")
            .Expect("smalltalk", "greeting");

        Assert.Null(chat.Last.Escalation);
    }

    [Fact]
    public void ASonWritingFromAbroad_IsNoted_NotToldAboutFasting() =>
        Transcript.Start()
            .Send("Hello, I'm writing from Toronto, my mother is in France and having a vertebroplasty on Thursday")
            .Expect("smalltalk", "greeting", "vertebral_cementoplasty");

    [Fact]
    public void ANurseWithVertebralMetastases_IsNoted_AndHerProcedureKept() =>
        Transcript.Start()
            .Send("Salve, sono infermiera di professione e paziente oncologica, metastasi vertebrali e al bacino.")
            .Expect("smalltalk", "greeting", "metastasis_cementoplasty")
            .Send("Quali complicanze devo aspettarmi realisticamente, in percentuale?")
            .Expect("answer", "risks", "metastasis_cementoplasty");

    [Fact]
    public void DoTheyStopHisWarfarin_OrIsThatUpToHisGp_IsADecisionForTheTeam() =>
        Transcript.Start()
            .Send("Im a carer for a lovely auld lad, he's on warfarin, do they stop it before the cement thing in " +
                "his spine or is that up to his GP")
            .Expect("escalate", "medical_advice").ExpectEscalation("created", "medical_advice");

    [Theory]
    [InlineData("What time is my appointment tomorrow for the vertebroplasty?")]
    [InlineData("a che ora apre il reparto di radiologia e dove si parcheggia?")]
    public void APracticalDetail_IsForTheTeam_NotReception(string message) =>
        Transcript.Start().Send(message).ExpectEscalation("offered", "unanswered");

    [Theory]
    [InlineData("Quand est-ce que je pourrai reprendre le travail après l'ostéosynthèse du sacrum ? je suis maçon")]
    [InlineData("im a bricklayer, how many weeks off work after the screws in my pelvis??")]
    public void APhysicalJob_BesideTheTimeOffWork_IsForTheTeam(string message) =>
        Transcript.Start().Send(message).Expect("answer", "recovery", "osteosynthesis")
            .ExpectEscalation("offered", "unanswered");

    [Fact]
    public void IDontKnow_TheDoctorJustSaidCement_IsAnsweredInGeneral_WithTheSettingTime()
    {
        var chat = Transcript.Start().Send("how long does the bone cement take to set").Expect("clarify", "course")
            .Send("I don't know, the doctor just said cement in the bone").Expect("answer", "course");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("30 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public void FourQuestionsInOneLine_WithoutMarks_ThreeAreAnswered_AndTheFourthLeftForNext()
    {
        var chat = Transcript.Start().Send("hi so my wife is having the cementoplasty for her bone mets next " +
            "week and i want to know if she will be asleep and how long it takes and if it is dangerous and " +
            "when she comes home");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("anesthésie générale", StringComparison.Ordinal));
        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("Fuite de ciment", StringComparison.Ordinal));
        chat.ExpectText("first three questions");
    }

    [Fact]
    public void DuringRadiotherapy_IsAnsweredByAloneOrWithOtherTreatments_AndTheTeamOffered()
    {
        var chat = Transcript.Start().Send("peut-on faire la cimentoplastie pour métastases pendant la radiothérapie ?")
            .Expect("answer", "indications", "metastasis_cementoplasty");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("radiothérapie", StringComparison.Ordinal));
    }
}
