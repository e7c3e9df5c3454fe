namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the nineteenth blind clinical review found (issue 20, 87.0 % A, no D): "allergic to some plastics"
/// read as an unknown procedure ("plastics" corrected to the Italian "plastica"); three weeks of sciatica
/// asked about sent to the emergency numbers.
/// </summary>
public class NineteenthReviewTests
{
    [Fact]
    public void PlasticsAreNotAProcedure() =>
        Transcript.Start()
            .Send("im allergic to iodine and i think to some plastics, what is the cement actually made of?")
            .Expect("clarify", "definition");

    [Fact]
    public void AnotherNameMadeLikeAProcedure_IsStillUnknown() =>
        Transcript.Start().Send("what about coblation or nucleoplasty?").ExpectEscalation("offered", "unanswered");

    [Fact]
    public void WeeksOfSciatica_AskedAbout_IsNotAnEmergency()
    {
        var chat = Transcript.Start().Send("j'ai une sciatique depuis 3 semaines qui descend dans la jambe, " +
            "est-ce que la cimentoplastie ca marche pour ca ?");

        Assert.NotEqual("emergency", chat.Last.Topic);
    }

    [Fact]
    public void ALastQuestionWithoutItsMark_AfterATelling_IsAnswered()
    {
        var chat = Transcript.Start()
            .Send("How soon after sacrum osteosynthesis can I walk again? I'm a postman, when can I go back to work");

        Assert.Contains(chat.Last.Citations, c => c.Quote.Contains("arrêt de travail", StringComparison.Ordinal));
        chat.ExpectEscalation("offered", "unanswered");
    }

    [Fact]
    public void AGrandsonTellingOfYesterdaysProcedure_IsNoted_NotAnsweredAsRecovery() =>
        Transcript.Start().Send("salam, c pour ma grand mere, elle a eu la cimentoplastie pour ses metastases hier")
            .Expect("smalltalk", "greeting", "metastasis_cementoplasty");
}
