namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// When the documents cannot settle the patient's own situation, or do not give the precise point asked:
/// the quotes, one plain sentence saying so, and the team offered. A plain question gets a plain answer.
/// </summary>
public class DocumentsLimitsTests
{
    [Theory]
    [InlineData("je suis diabétique, faut-il être à jeun pour l'ostéosynthèse ?", "Ces documents donnent une information générale")]
    [InlineData("ma mère a 92 ans et vit seule, combien de temps reste-t-on à l'hôpital après une vertébroplastie ?", "Ces documents donnent")]
    [InlineData("I'm allergic to iodine, what are the risks of a vertebroplasty?", "These documents give general information")]
    [InlineData("I have a pacemaker, will I be asleep for the osteosynthesis?", "These documents give general information")]
    [InlineData("sono incinta, quando potrò camminare dopo la cementoplastica ossea?", "Questi documenti danno un'informazione generale")]
    [InlineData("sono in chemioterapia, devo essere a digiuno per l'osteosintesi?", "Questi documenti danno")]
    public void APersonalFactor_GetsTheQuotes_ASentenceOnIt_AndTheTeamOffered(string message, string sentence)
    {
        var chat = Transcript.Start().Send(message).Expect("answer").ExpectEscalation("offered", "medical_advice").ExpectText(sentence);

        Assert.NotEmpty(chat.Last.Citations);
        chat.Send(chat.Last.Language == "fr" ? "oui" : chat.Last.Language == "it" ? "sì" : "yes").ExpectEscalation("created", "medical_advice");
    }

    [Theory]
    [InlineData("combien d'heures avant faut-il être à jeun pour l'ostéosynthèse ?", "Ce point précis n'est pas indiqué dans nos documents.")]
    [InlineData("est-ce que je peux boire de l'eau le matin de mon ostéosynthèse ?", "Ce point précis n'est pas indiqué")]
    [InlineData("can I smoke before my osteosynthesis? do I need to fast?", "This precise point is not stated in our documents.")]
    [InlineData("a che ora devo essere a digiuno per l'osteosintesi?", "Questo punto preciso non è indicato nei nostri documenti.")]
    public void APrecisionTheQuotesDoNotGive_IsSaidPlainly_AndTheTeamOffered(string message, string sentence) =>
        Transcript.Start().Send(message).Expect("answer").ExpectEscalation("offered", "unanswered").ExpectText(sentence);

    [Theory]
    [InlineData("faut-il être à jeun pour l'ostéosynthèse ?")]
    [InlineData("quels sont les risques de la vertébroplastie ?")]
    [InlineData("how long will I stay in hospital after a vertebroplasty?")]
    [InlineData("je ne prends aucun anticoagulant, quels sont les risques de la vertébroplastie ?")]
    [InlineData("I don't have any allergy, will I be asleep for the osteosynthesis?")]
    [InlineData("quando potrò camminare dopo l'osteosintesi?")]
    public void APlainQuestion_GetsAPlainAnswer_WithoutAnOffer(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer");

        Assert.Null(chat.Last.Escalation);
    }
}
