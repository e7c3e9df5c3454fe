namespace Chatbot.Core.Tests.Conversation;

public class AnswerTests
{
    [Fact]
    public void Fasting_Osteosynthesis_QuotesTheOsteosynthesisDocument()
    {
        Transcript.Start()
            .Send("faut il etre a jeun pour mon osteosynthese du bassin ?")
            .Expect("answer", "fasting", "osteosynthesis")
            .ExpectQuotesFrom("osteosynthese-percutanee")
            .ExpectText("à jeun");
    }

    [Fact]
    public void Fasting_VertebralCementoplasty_SaysTheDocumentsDoNotAnswerAndOffersStaff()
    {
        var chat = Transcript.Start()
            .Send("je dois etre a jeun avant ma vertebroplastie ?")
            .Expect("escalate", "fasting", "vertebral_cementoplasty")
            .ExpectEscalation("offered", "unanswered");
        Assert.Empty(chat.Last.Citations);
        Assert.Equal(2, chat.Last.SuggestedActions.Count);
    }

    [Fact]
    public void Reimbursement_Cimentoplastie_IsNotAnsweredWithTheOsteosynthesisStatement()
    {
        var chat = Transcript.Start()
            .Send("est ce que la cimentoplastie est remboursee par la secu ?")
            .Expect("escalate", "reimbursement")
            .ExpectEscalation("offered", "unanswered");
        Assert.Empty(chat.Last.Citations);
        Assert.DoesNotContain("remboursé par l’assurance maladie", chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Walking_UnknownProcedure_AsksWhichOne_ThenAnswersTheChosenOne()
    {
        var chat = Transcript.Start()
            .Send("quand est ce que je pourrai remarcher ?")
            .Expect("clarify", "walking");
        Assert.Equal(5, chat.Last.SuggestedActions.Count);
        Assert.Equal("Je ne sais pas", chat.Last.SuggestedActions[^1]);
        Assert.Empty(chat.Last.Citations);

        chat.Send(chat.Last.SuggestedActions.Single(s => s.StartsWith("Cimentoplastie pour", StringComparison.Ordinal)))
            .Expect("answer", "walking", "metastasis_cementoplasty")
            .ExpectQuotesFrom("cimentoplastie-metastases")
            .ExpectText("2h après le geste");
    }

    [Fact]
    public void Procedure_CorrectedByThePatient_AnswersTheSameTopicForTheNewProcedure()
    {
        Transcript.Start()
            .Send("j'ai une vertebroplastie jeudi, faut il etre a jeun ?")
            .Expect("escalate", "fasting", "vertebral_cementoplasty")
            .Send("ah non pardon, c'est une ostéosynthèse")
            .Expect("answer", "fasting", "osteosynthesis")
            .ExpectQuotesFrom("osteosynthese-percutanee");
    }

    [Theory]
    [InlineData("est-ce qu on est endormi ?", "jprecise cest pour la vertebroplastie de ma mere", "anesthesia")]
    [InlineData("when can i walk again?", "its for the screws in my pelvis btw", "walking")]
    [InlineData("quando potrò camminare?", "x la cementoplastica ossea al femore", "walking")]
    public void Procedure_GivenInWordsAroundItsName_AnswersTheEarlierQuestionForIt(string question, string which, string topic)
    {
        Transcript.Start().Send(question).Expect("clarify", topic).Send(which).Expect("answer", topic);
    }

    [Fact]
    public void AFollowUp_ReadsALittleOfThePreviousMessage()
    {
        // Alone, "per vertebra or the total?" is not understood; after a question on costs it is one.
        Transcript.Start().Send("and is that per vertebra or the total?").Expect("fallback");
        Transcript.Start()
            .Send("is a vertebroplasty reimbursed?").Expect("escalate", "reimbursement")
            .Send("and is that per vertebra or the total?").Expect("escalate", "reimbursement");
    }

    [Theory]
    [InlineData("do i need to fast before an osteosynthesis?", "answer", "walking after vertebroplasty?", "walking")]
    [InlineData("do i need to fast?", "clarify", "what is a vertebroplasty?", "definition")]
    [InlineData("faut-il être à jeun ?", "clarify", "qu'est-ce que c'est une vertébroplastie ?", "definition")]
    public void AShortQuestion_NamingAProcedure_IsANewQuestion_NotTheEarlierOneAgain(string earlier, string first, string question, string topic)
    {
        Transcript.Start().Send(earlier).Expect(first, "fasting")
            .Send(question).Expect("answer", topic, "vertebral_cementoplasty");
    }

    [Fact]
    public void Cement_ForMetastasesInTheSpine_IsTheCementoplastyForMetastases_NotTheVertebralOne()
    {
        // Both cues are there ("vertèbre", "métastase"); only the metastases document speaks of them.
        Transcript.Start()
            .Send("on va me mettre du ciment dans une vertèbre pour une métastase, je pourrai remarcher quand ?")
            .Expect("answer", "walking", "metastasis_cementoplasty")
            .ExpectQuotesFrom("cimentoplastie-metastases");
    }

    [Fact]
    public void Procedure_MentionedEarlier_IsRememberedForTheNextQuestion()
    {
        Transcript.Start()
            .Send("c'est quoi une vertebroplastie")
            .Expect("answer", "definition", "vertebral_cementoplasty")
            .Send("et apres je pourrai marcher quand")
            .Expect("answer", "walking", "vertebral_cementoplasty")
            .ExpectQuotesFrom("cimentoplastie-vertebrale");
    }

    [Fact]
    public void Disclaimer_IsShownOnTheFirstAnswerOnly()
    {
        const string disclaimer = "ne remplacent pas l'avis de votre médecin";
        var chat = Transcript.Start()
            .Send("quels sont les risques de l'osteosynthese ?")
            .Expect("answer", "risks")
            .ExpectText(disclaimer)
            .Send("et l'anesthesie ?")
            .Expect("answer", "anesthesia");
        Assert.DoesNotContain(disclaimer, chat.Last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Italian_BoneCementoplasty_IsAnsweredFromTheItalianDocument()
    {
        Transcript.Start()
            .Send("dopo la cementoplastica ossea quando posso camminare?")
            .Expect("answer", "walking", "bone_cementoplasty")
            .ExpectQuotesFrom("cementoplastica-ossea")
            .ExpectText("Ecco cosa dicono i nostri documenti");
    }

    [Fact]
    public void Italian_Osteosynthesis_IsAnsweredFromTheFrenchDocument_SayingSoInItalian()
    {
        Transcript.Start()
            .Send("per l'osteosintesi percutanea bisogna essere a digiuno?")
            .Expect("answer", "fasting", "osteosynthesis")
            .ExpectQuotesFrom("osteosynthese-percutanee")
            .ExpectText("è in francese");
    }

    [Fact]
    public void English_Anaesthesia_Osteosynthesis_QuotesFrenchSayingSo()
    {
        var chat = Transcript.Start()
            .Send("will i be asleep during my percutaneous osteosynthesis?")
            .Expect("answer", "anesthesia", "osteosynthesis")
            .ExpectQuotesFrom("osteosynthese-percutanee")
            .ExpectText("written in French");
        Assert.Equal("en", chat.Last.Language);
    }
}
