using System.Diagnostics.CodeAnalysis;
using Chatbot.Core.Conversation;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>A conversation's state as this process last saved it, with its row version.</summary>
public sealed record SavedState(ConversationState State, long Version, DateTimeOffset UpdatedAt);

/// <summary>
/// The states this process saved recently, so the next turn does not read back and parse what it
/// has just written (the read was a tenth of the CPU of a turn under load). Only for the SQLite
/// store: its file belongs to this one process, so no one else changes a row behind it, and every
/// delete goes through <see cref="SqliteRetention"/>, which forgets here too. Entries are set by
/// the committer in commit order (the <c>committed</c> callback of <see cref="SqliteDatabase"/>'s writes),
/// so a read never goes back behind a save that returned; and even a stale entry could not lose an
/// update: the save checks the row version, fails, forgets, and the turn reads the row again.
/// </summary>
public sealed class RecentStates : IDisposable
{
    /// <summary>A conversation idle this long is read from the file again: memory goes back at rest.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(20);

    private readonly MemoryCache? cache;

    public RecentStates(IOptions<StateOptions> options)
    {
        var size = options.Value.RecentConversations;
        if (size > 0) cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = size });
    }

    public bool TryGet(string conversationKey, [NotNullWhen(true)] out SavedState? saved)
    {
        saved = null;
        return cache is not null && cache.TryGetValue(conversationKey, out saved) && saved is not null;
    }

    public void Remember(string conversationKey, SavedState saved) =>
        cache?.Set(conversationKey, saved, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });

    public void Forget(string conversationKey) => cache?.Remove(conversationKey);

    public void ForgetAll() => cache?.Compact(1.0);

    public void Dispose() => cache?.Dispose();
}
