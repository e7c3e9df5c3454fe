using System.Numerics;

namespace Chatbot.Core.Understanding;

/// <summary>
/// A read-only map from a 64-bit feature (a hashed word, a packed trigram) to its row in a model.
/// Open addressing in one array of key–row pairs: a lookup usually reads one cache line, where a
/// <see cref="Dictionary{TKey, TValue}"/> reads a bucket and then an entry elsewhere. Under load the
/// lookups of the classifier and the language detector were the engine's largest cost.
/// </summary>
internal sealed class RowIndex
{
    private const ulong Empty = 0;
    private readonly Slot[] slots;
    private readonly int shift;
    private readonly int emptyKeyRow = -1;

    /// <param name="keys">The row of <c>keys[i]</c> is <c>i</c>.</param>
    /// <exception cref="InvalidDataException">A key is repeated (a corrupt snapshot).</exception>
    public RowIndex(ReadOnlySpan<ulong> keys)
    {
        // At most half full: probes stay short.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        slots = new Slot[capacity];
        shift = 64 - BitOperations.Log2((uint)capacity);
        for (var row = 0; row < keys.Length; row++)
        {
            var key = keys[row];
            // 0 marks an empty slot, so a key of 0 is kept aside.
            if (key == Empty)
            {
                if (emptyKeyRow >= 0) throw Repeated(key);
                emptyKeyRow = row;
                continue;
            }
            var i = Home(key);
            for (; slots[i].Key != Empty; i = (i + 1) & (slots.Length - 1))
            {
                if (slots[i].Key == key) throw Repeated(key);
            }
            slots[i] = new Slot(key, row);
        }
        Count = keys.Length;
    }

    public int Count { get; }

    public bool TryGetRow(ulong key, out int row)
    {
        if (key == Empty)
        {
            row = emptyKeyRow;
            return row >= 0;
        }
        var mask = slots.Length - 1;
        for (var i = Home(key); ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot.Key == key)
            {
                row = slot.Row;
                return true;
            }
            if (slot.Key == Empty)
            {
                row = -1;
                return false;
            }
        }
    }

    private static InvalidDataException Repeated(ulong key) => new($"feature {key:x16} has two rows");

    /// <summary>Fibonacci hashing: packed trigrams differ in their low bits only, so the bits are mixed first.</summary>
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);

    private readonly record struct Slot(ulong Key, int Row);
}
