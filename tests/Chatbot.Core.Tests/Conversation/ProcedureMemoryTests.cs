namespace Chatbot.Core.Tests.Conversation;

/// <summary>A procedure once known is kept: a word several procedures share does not erase it.</summary>
public class ProcedureMemoryTests
{
    [Theory]
    [InlineData("quand pourrai-je remarcher après ma vertébroplastie ?", "et le ciment, il y a des risques ?", "vertebral_cementoplasty")]
    [InlineData("faut-il être à jeun pour une cimentoplastie pour métastases ?", "et après la cimentoplastie, je pourrai marcher quand ?", "metastasis_cementoplasty")]
    [InlineData("how long do I stay in hospital after a vertebroplasty?", "and the cement, is it dangerous?", "vertebral_cementoplasty")]
    public void AWordSharedBySeveralProcedures_KeepsTheOneAlreadyKnown(string first, string then, string procedure)
    {
        var chat = Transcript.Start().Send(first);
        Assert.Equal(procedure, chat.Last.Procedure);

        chat.Send(then);

        Assert.NotEqual("clarify", chat.Last.Action);
        Assert.Equal(procedure, chat.Last.Procedure);
    }

    [Theory]
    [InlineData("What are the main risks of vertebroplasty? I've read the cement can leak out", "vertebral_cementoplasty")]
    [InlineData("il digiuno per la vertebroplastica, anche se è solo un po' di cemento?", "vertebral_cementoplasty")]
    [InlineData("what are the risks of the screw in his pelvis?", "osteosynthesis")]
    [InlineData("Quelles complications pour la cimentoplastie sur des lésions métastatiques ?", "metastasis_cementoplasty")]
    [InlineData("had the vertebra cemented last week, when can I walk normally?", "vertebral_cementoplasty")]
    public void TheProcedureNamedInTheMessage_IsNotAskedFor(string message, string procedure)
    {
        var chat = Transcript.Start().Send(message);

        Assert.NotEqual("clarify", chat.Last.Action);
        Assert.Equal(procedure, chat.Last.Procedure);
    }

    [Theory]
    [InlineData("ça dure combien de temps sur la table pour mon tassement ?", "vertebral_cementoplasty")]
    [InlineData("lei fa intervento per vertebra schiacciata, la mattina puo bere acqua?", "vertebral_cementoplasty")]
    [InlineData("Will I be awake while they do it? It is for a crushed vertebra.", "vertebral_cementoplasty")]
    [InlineData("crushed vertebra from my cancer, will I be asleep?", "metastasis_cementoplasty")]
    public void TheFractureItTreats_NamesTheProcedure_UnlessCancerIsSaid(string message, string procedure)
    {
        var chat = Transcript.Start().Send(message);

        Assert.NotEqual("clarify", chat.Last.Action);
        Assert.Equal(procedure, chat.Last.Procedure);
    }

    [Fact]
    public void BackPainAlone_NamesNoProcedure() =>
        Transcript.Start().Send("j'ai mal au dos, est-ce que je serai endormi ?").Expect("clarify");

    [Fact]
    public void TheFamilysWord_WithAnotherProceduresCues_StillMovesToIt() =>
        Transcript.Start().Send("les risques de la vertébroplastie ? ah non pardon, c'est le ciment pour mes métastases")
            .Expect("answer", "risks", "metastasis_cementoplasty");

    [Fact]
    public void AnotherProceduresOwnName_StillReplacesIt()
    {
        var chat = Transcript.Start().Send("faut-il être à jeun pour une vertébroplastie ?");

        chat.Send("et pour une ostéosynthèse percutanée ?").Expect("answer", procedure: "osteosynthesis");
    }

    [Fact]
    public void TheProcedureSaidWithoutAQuestion_IsNoted_AndTheQuestionInvited() =>
        Transcript.Start().Send("Bonsoir, ma mère va avoir une vertébroplastie")
            .Expect("smalltalk", procedure: "vertebral_cementoplasty").ExpectText("Quelle est votre question")
            .Send("il sera endormi ?").Expect("answer", "anesthesia", "vertebral_cementoplasty");

    [Fact]
    public void AHelloInSms_BeforeAQuestion_DoesNotHideTheQuestion()
    {
        Transcript.Start().Send("slt c koi les risk de la cimento pr metastase ?")
            .Expect("answer", "risks", "metastasis_cementoplasty");
        // Read as a greeting first (0.46): the question after it is answered all the same.
        Transcript.Start().Send("slt c combien de tps la cimento pr metastase ? je dois prevoir ma journee")
            .Expect("answer", procedure: "metastasis_cementoplasty");
        Transcript.Start().Send("salut ça va ?").Expect("smalltalk", "greeting");
    }

    [Theory]
    [InlineData("J'ai eu ma vertébroplastie mardi dernier")]
    [InlineData("ho fatto l'osteosintesi tre giorni fa")]
    [InlineData("my husband is booked for a vertebroplasty next week")]
    public void TellingOfTheProcedure_IsNotAnsweredAsAGuessedQuestion(string message) =>
        Transcript.Start().Send(message).Expect("smalltalk");

    [Fact]
    public void TellingOfTheProcedure_WithAQuestionWithoutItsMark_IsAnswered() =>
        Transcript.Start().Send("j'ai eu ma vertébroplastie lundi, je peux marcher maintenant")
            .Expect("answer", "walking", "vertebral_cementoplasty");

    [Fact]
    public void TheProcedureSaid_IsNotOutOfScope() =>
        Transcript.Start().Send("Mia zia farà una vertebroplastica la settimana prossima.")
            .Expect("smalltalk", procedure: "vertebral_cementoplasty").ExpectText("Qual è la sua domanda");

    [Theory]
    // The body part or the disease, in the patient's words, after "which one?".
    [InlineData("what are the risks of the cement procedure?", "the one in the spine", "vertebral_cementoplasty")]
    [InlineData("quels sont les risques de la cimentoplastie ?", "c'est pour une vertèbre tassée", "vertebral_cementoplasty")]
    [InlineData("what are the risks after the procedure?", "the screws in the pelvis", "osteosynthesis")]
    public void Cues_AfterWhichOne_SayWhichProcedure(string question, string cue, string procedure) =>
        Transcript.Start().Send(question).Expect("clarify").Send(cue).Expect("answer", "risks", procedure);

    [Fact]
    public void Cues_InAStatement_NarrowAWordSharedBySeveral_ToTheProcedureMeant() =>
        Transcript.Start().Send("Ma sœur doit avoir une cimentoplastie")
            .Send("c'est pour un tassement de vertèbre").Expect("answer", procedure: "vertebral_cementoplasty");

    [Fact]
    public void NotInTheDocumentsOfAnyOfThem_ThenTheProcedureNamed_AsksTheQuestionForIt() =>
        Transcript.Start().Send("faut-il être à jeun pour la cimentoplastie ?").Expect("escalate", "fasting")
            .Send("c'est une vertébroplastie").Expect("escalate", "fasting", "vertebral_cementoplasty")
            .ExpectEscalation("offered", "unanswered");

    [Fact]
    public void WhichOne_AskedTwice_OffersTheTeamWithTheQuestion() =>
        Transcript.Start().Send("quels sont les risques de l'intervention ?").Expect("clarify")
            .Send("je ne sais pas trop, le médecin a dit un nom compliqué").Expect("clarify")
            .ExpectEscalation("offered", "low_confidence");

    [Fact]
    public void ACorrectionWithACue_ChangesTheProcedure_AndTheQuestionIsAnsweredForTheNewOne() =>
        Transcript.Start().Send("elle doit avoir le ciment dans la vertebre, la ou elle s'est tassée")
            .Send("et après elle pourra marcher le jour même ?").Expect("answer", "walking", "vertebral_cementoplasty")
            .Send("non pardon je me suis trompée c'est pour des métastases en fait, pas l'ostéoporose")
            .Expect("answer", "walking", "metastasis_cementoplasty")
            .ExpectText("La reprise de la marche peut s’effectuer 2h après le geste");

    [Fact]
    public void ICorrectedMyself_InEnglish_TheLastQuestionIsAnsweredAgainForTheRightProcedure() =>
        Transcript.Start().Send("hi, my wife is having a vertebroplasty next week")
            .Send("and will she be asleep?").Expect("answer", "anesthesia", "vertebral_cementoplasty")
            .Send("sorry i got it wrong, it's the cement for her bone mets not the osteoporosis one")
            .Expect("answer", "anesthesia", "metastasis_cementoplasty").ExpectText("le plus souvent réalisé sous anesthésie générale");
}
