using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>
/// What the sixth blind clinical review found (issue 20), general causes each, and the fifth review's
/// incomplete answers: a small bruise answered with every risk down to death.
/// </summary>
public class SixthReviewTests
{
    [Theory]
    [InlineData("after my vertebroplasty there's a small bruise where the needle went, no pain, is that normal?")]
    [InlineData("j'ai un petit bleu au point de piqûre depuis ma vertébroplastie, c'est normal ?")]
    public void ABruiseQuestion_GetsTheRiskListsOwnLine_NotEveryRiskDownToDeath(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "risks", "vertebral_cementoplasty");

        Assert.Contains(chat.Last.Citations,
            c => c.Quote.Contains("hématome au niveau du point de ponction", StringComparison.Ordinal));
        Assert.DoesNotContain(chat.Last.Citations, c => c.Quote.Contains("Décès", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("quels sont les risques de la vertébroplastie ?")]
    [InlineData("what are the risks of the pelvic screw operation")]
    public void ARiskQuestion_NamingNoRisk_GetsTheWholeList(string message)
    {
        var chat = Transcript.Start().Send(message).Expect("answer", "risks");

        Assert.Contains(chat.Last.Citations, c => c.Quote.StartsWith("• ", StringComparison.Ordinal));
        Assert.True(chat.Last.Citations.Count(c => c.Quote.StartsWith("• ", StringComparison.Ordinal)) >= 2);
    }
}
