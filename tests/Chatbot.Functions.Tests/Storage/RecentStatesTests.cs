using System.Text.Json;
using Chatbot.Core.Conversation;
using Chatbot.Functions.State;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>What this process keeps of the states it saved: each conversation's state as bytes, in a buffer of its own.</summary>
public class RecentStatesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AStateRemembered_IsReadBackWhole_ThroughLongerAndShorterSaves()
    {
        using var recent = new RecentStates(Options.Create(new StateOptions()));
        var longer = State("ho un'osteosintesi, è normale avere male alla schiena dopo ? " + new string('x', 2_000), turns: 6);
        var shorter = State("merci", turns: 7);

        recent.Remember("emulator:a", State("bonjour", turns: 1), 1, Noon);
        recent.Remember("emulator:a", longer, 2, Noon.AddMinutes(1)); // the buffer grows
        Assert.True(recent.TryGet("emulator:a", out var read));
        Assert.Equal((Json(longer), 2L, Noon.AddMinutes(1)), (Json(read.State), read.Version, read.UpdatedAt));

        recent.Remember("emulator:a", shorter, 3, Noon.AddMinutes(2)); // the buffer is reused: nothing of the longer one is left
        Assert.True(recent.TryGet("emulator:a", out read));
        Assert.Equal((Json(shorter), 3L), (Json(read.State), read.Version));
        Assert.False(recent.TryGet("emulator:b", out _));
    }

    [Fact]
    public void AForgottenConversation_IsReadFromTheFileAgain()
    {
        using var recent = new RecentStates(Options.Create(new StateOptions()));
        recent.Remember("emulator:a", State("bonjour", turns: 1), 1, Noon);

        recent.Forget("emulator:a");

        Assert.False(recent.TryGet("emulator:a", out _));
    }

    [Fact]
    public void WithNoRecentConversations_NothingIsKept()
    {
        using var recent = new RecentStates(Options.Create(new StateOptions { RecentConversations = 0 }));
        recent.Remember("emulator:a", State("bonjour", turns: 1), 1, Noon);

        Assert.False(recent.TryGet("emulator:a", out _));
    }

    private static ConversationState State(string patient, int turns) => ConversationState.New with
    {
        Language = "it",
        Procedures = ["osteosynthesis"],
        LastTopic = "recovery",
        Turns = turns,
        DisclaimerShown = true,
        Transcript = [new TranscriptLine("patient", patient), new TranscriptLine("bot", "[answer/recovery] « Le lever est autorisé… » [1]")],
    };

    private static string Json(ConversationState state) => JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState);
}
