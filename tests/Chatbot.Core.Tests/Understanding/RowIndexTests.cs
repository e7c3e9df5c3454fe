using Chatbot.Core.Understanding;

namespace Chatbot.Core.Tests.Understanding;

/// <summary>The table that finds a feature's row in the classifier and the language models.</summary>
public class RowIndexTests
{
    [Fact]
    public void EveryKey_FindsItsRow_AndOthersAreMissing()
    {
        // Packed trigrams differ only in their low bits: the case that a plain modulo would crowd.
        var keys = Enumerable.Range(0, 5_000).Select(i => (ulong)i * 65_536).ToArray();
        var index = new RowIndex(keys);

        for (var row = 0; row < keys.Length; row++)
        {
            Assert.True(index.TryGetRow(keys[row], out var found));
            Assert.Equal(row, found);
        }
        Assert.False(index.TryGetRow(1, out _));
        Assert.False(index.TryGetRow(ulong.MaxValue, out _));
    }

    [Fact]
    public void KeyZero_IsAKeyLikeAnother()
    {
        Assert.False(new RowIndex([7, 9]).TryGetRow(0, out _));
        Assert.True(new RowIndex([7, 0, 9]).TryGetRow(0, out var row));
        Assert.Equal(1, row);
    }

    [Fact]
    public void ARepeatedKey_IsRefused_AsACorruptModel()
    {
        Assert.Throws<InvalidDataException>(() => new RowIndex([3, 5, 3]));
        Assert.Throws<InvalidDataException>(() => new RowIndex([0, 0]));
    }
}
