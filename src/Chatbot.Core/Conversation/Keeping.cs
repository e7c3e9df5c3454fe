namespace Chatbot.Core.Conversation;

/// <summary>
/// What the hospital keeps of a conversation and for how long, as the patient is told in the welcome and
/// when asking "what do you know about me": the host's retention settings, said in plain words.
/// </summary>
/// <param name="Conversations">How long a conversation is kept after its last message.</param>
/// <param name="ClosedRequests">How long a request to the team is kept once closed.</param>
/// <param name="IdleTimeout">After this silence, the next message starts a fresh context.</param>
/// <param name="PrivacyUrl">The hospital's privacy notice, linked from the welcome; none if not set.</param>
public sealed record Keeping(TimeSpan Conversations, TimeSpan ClosedRequests, TimeSpan IdleTimeout, string? PrivacyUrl)
{
    public static readonly Keeping Default =
        new(TimeSpan.FromDays(30), TimeSpan.FromDays(365), TimeSpan.FromMinutes(30), PrivacyUrl: null);

    /// <summary>Whether a message at <paramref name="now"/> comes after a long silence.</summary>
    public bool IsIdle(ConversationState state, DateTimeOffset now) =>
        state.LastMessageAt is { } last && now - last > IdleTimeout;
}
