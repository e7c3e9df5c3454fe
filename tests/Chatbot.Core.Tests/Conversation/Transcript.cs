using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests.Conversation;

/// <summary>A conversation test that reads as a transcript: send this, expect that.</summary>
public sealed class Transcript(Assistant assistant)
{
    public ConversationState State { get; private set; } = ConversationState.New;

    public TurnResult Last { get; private set; } = null!;

    public static Transcript Start() => new(TestContent.Assistant);

    /// <summary>One turn from a state the host changed (e.g. after storing an escalation).</summary>
    public Turn Continue(ConversationState state, string text) => assistant.Reply(state, text);

    public Transcript Send(string text, string? locale = null)
    {
        var turn = assistant.Reply(State, text, locale);
        (Last, State) = (turn.Result, turn.State);
        return this;
    }

    public Transcript Expect(string action, string? topic = null, string? procedure = null)
    {
        Assert.True(action == Last.Action, $"expected action {action}, got {Last.Action} ({Last.Topic} {Last.Confidence}): {Last.Text}");
        if (topic is not null) Assert.Equal(topic, Last.Topic);
        if (procedure is not null) Assert.Equal(procedure, Last.Procedure);
        return this;
    }

    public Transcript ExpectText(string fragment)
    {
        Assert.Contains(fragment, Last.Text, StringComparison.Ordinal);
        return this;
    }

    public Transcript ExpectEscalation(string status, string reason)
    {
        Assert.NotNull(Last.Escalation);
        Assert.Equal((status, reason), (Last.Escalation!.Status, Last.Escalation.Reason));
        return this;
    }

    /// <summary>Every citation is quoted in the text with its marker and comes from these documents.</summary>
    public Transcript ExpectQuotesFrom(params string[] documentIds)
    {
        Assert.NotEmpty(Last.Citations);
        for (var i = 0; i < Last.Citations.Count; i++)
        {
            Assert.Contains(documentIds, id => id == Last.Citations[i].DocumentId);
            Assert.Contains($"“{Last.Citations[i].Quote}” [{i + 1}]", Last.Text, StringComparison.Ordinal);
        }
        return this;
    }
}
