using Azure.Data.Tables;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// Long JSON in table entities. A string property holds at most 32 K characters (64 KB), an entity
/// 1 MB: a long masked transcript is split over Json, Json1, Json2… rather than refused.
/// </summary>
public static class EntityText
{
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 15;

    public static void Write(TableEntity entity, string name, string value)
    {
        var chunks = (value.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks) throw new InvalidOperationException($"{name} is {value.Length} characters, more than an entity holds");
        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            var start = i * ChunkLength;
            entity[i == 0 ? name : name + i] = value.Substring(start, Math.Min(ChunkLength, value.Length - start));
        }
    }

    public static string Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name) ?? "";
        if (first.Length < ChunkLength) return first;
        var text = new System.Text.StringBuilder(first);
        for (var i = 1; entity.GetString(name + i) is { } next; i++) text.Append(next);
        return text.ToString();
    }

    /// <summary>
    /// Partition and row keys may not hold / \ # ? or control characters; conversation ids from
    /// channels might. Escaped reversibly with %XX.
    /// </summary>
    public static string Key(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c)) builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else builder.Append(c);
        }
        return builder.ToString();
    }
}
