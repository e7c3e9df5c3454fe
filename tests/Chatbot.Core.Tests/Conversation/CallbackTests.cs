using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;

namespace Chatbot.Core.Tests.Conversation;

public class CallbackTests
{
    /// <summary>A clock stopped at one instant.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Transcript At(string parisTime)
    {
        var assistant = new Assistant(TestContent.Content, new FixedClock(DateTimeOffset.Parse(parisTime, System.Globalization.CultureInfo.InvariantCulture)));
        return new Transcript(assistant);
    }

    [Fact]
    public void PersonAsked_ThenAPhoneNumber_IsKeptForTheEscalation_AndTheCallIsPromisedWithinOfficeHours()
    {
        var chat = At("2026-11-23T10:00:00+01:00")
            .Send("je voudrais parler à une infirmière")
            .ExpectEscalation("created", "human_requested")
            .ExpectText("numéro de téléphone");
        // The host stores the escalation and remembers its id in the state.
        var next = chat.Continue(chat.State with { OpenEscalation = "esc-1" }, "oui c'est le 06 12 34 56 78");

        var given = Assert.IsType<CallbackGiven>(next.Result.Escalation);
        Assert.Equal(("updated", "esc-1", "0612345678"), (given.Status, given.Id, given.Contact));
        Assert.Contains("aujourd'hui avant 17:30", next.Result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("06 12", next.State.Transcript[^2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0612345678", System.Text.Json.JsonSerializer.Serialize(next.Result, ChatbotJson.Default.TurnResult), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-27T18:30:00+01:00", "fr", "lundi à partir de 08:30")]
    [InlineData("2026-11-28T11:00:00+01:00", "it", "lunedì dalle 08:30")]
    [InlineData("2026-11-24T07:00:00+01:00", "en", "today before 17:30")]
    public void OfficeHours_TellWhenTheTeamWillCall(string now, string language, string expected)
    {
        Assert.Equal(expected, OfficeHours.Default.NextCall(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), language));
    }

    [Theory]
    [InlineData("06 12 34 56 78", "0612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("0039 347 123 4567", "+393471234567")]
    [InlineData("scrivete a giulia.rossi@libero.it", "giulia.rossi@libero.it")]
    [InlineData("12 34", null)]
    [InlineData("non merci", null)]
    public void ContactDetails_AreValidatedAndNormalised(string text, string? expected)
    {
        Assert.Equal(expected, ContactDetails.Find(text));
    }

    [Fact]
    public void Emergency_DoesNotAskForACallBack()
    {
        var chat = Transcript.Start().Send("j'ai 40 de fièvre depuis mon opération")
            .ExpectEscalation("created", "emergency");

        Assert.False(chat.State.CallbackAsked);
        Assert.DoesNotContain("numéro de téléphone", chat.Last.Text, StringComparison.Ordinal);
    }
}
