using System.Diagnostics.CodeAnalysis;
using Chatbot.Core.Conversation;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.State;

/// <summary>A conversation's state as this process last saved it, with its row version.</summary>
/// <param name="Answered">The ids of the activities it answered last; their replies stay in the file.</param>
public sealed record SavedState(
    ConversationState State, long Version, DateTimeOffset UpdatedAt, IReadOnlyList<AnsweredActivity> Answered);

/// <summary>
/// The states this process saved recently, so the next turn does not read back what it has just
/// written (the read was a tenth of the CPU of a turn under load). Only for the SQLite store: its
/// file belongs to this one process, so no one else changes a row behind it, and every delete goes
/// through <see cref="SqliteRetention"/>, which forgets here too. Entries are set by the committer in
/// commit order (the <c>committed</c> callback of <see cref="SqliteDatabase"/>'s writes), so a read
/// never goes back behind a save that returned; and even a stale entry could not lose an update:
/// the save checks the row version, fails, forgets, and the turn reads the row again.
/// </summary>
/// <remarks>
/// Each conversation keeps its state as bytes (<see cref="StateBytes"/>) in a buffer of its own,
/// overwritten by the next save. Kept as objects, every turn's new state outlived the young
/// generation and was copied by the collector: pauses of ~25 ms under load, which every reply in
/// flight waited for (the p99).
/// </remarks>
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
        if (cache is null || !cache.TryGetValue(conversationKey, out Slot? slot) || slot is null) return false;
        saved = slot.Read();
        return true;
    }

    /// <param name="answered">The activities answered last (<see cref="AnsweredActivities"/>): ids kept.</param>
    public void Remember(
        string conversationKey, ConversationState state, long version, DateTimeOffset updatedAt,
        IReadOnlyList<AnsweredActivity>? answered = null)
    {
        if (cache is null) return;
        if (cache.TryGetValue(conversationKey, out Slot? slot) && slot is not null)
        {
            slot.Write(state, version, updatedAt, answered);
            return;
        }
        var entry = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle };
        cache.Set(conversationKey, new Slot(state, version, updatedAt, answered), entry);
    }

    public void Forget(string conversationKey) => cache?.Remove(conversationKey);

    public void ForgetAll() => cache?.Compact(1.0);

    public void Dispose() => cache?.Dispose();

    /// <summary>One conversation's last saved state, as bytes; written by the committer, read by turns.</summary>
    private sealed class Slot
    {
        private readonly Lock gate = new();
        private byte[] bytes = [];
        private int length;
        private long version;
        private DateTimeOffset updatedAt;
        private AnsweredActivity[] answered = [];

        public Slot(
            ConversationState state, long version, DateTimeOffset updatedAt,
            IReadOnlyList<AnsweredActivity>? answered) => Write(state, version, updatedAt, answered);

        public void Write(
            ConversationState state, long version, DateTimeOffset updatedAt, IReadOnlyList<AnsweredActivity>? answered)
        {
            // The ids only: sixteen replies of up to 8 KB each per conversation were most of this process's memory.
            var ids = answered?.Select(a => a.Reply is null ? a : a with { Reply = null }).ToArray() ?? [];
            lock (gate)
            {
                length = StateBytes.Write(state, ref bytes);
                this.version = version;
                this.updatedAt = updatedAt;
                this.answered = ids;
            }
        }

        public SavedState Read()
        {
            lock (gate) return new SavedState(StateBytes.Read(bytes.AsSpan(0, length)), version, updatedAt, answered);
        }
    }
}
