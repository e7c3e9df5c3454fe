using System.Buffers.Text;
using System.Text;
using Chatbot.Core.Escalation;

namespace Chatbot.Functions.State;

/// <summary>
/// One page of escalations in staff order (<see cref="EscalationOrder"/>), and the key to go on after
/// it: null on the last page.
/// </summary>
public sealed record EscalationPage(IReadOnlyList<EscalationRecord> Escalations, string? Next)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 500;

    /// <summary>
    /// From up to <paramref name="size"/> + 1 rows read in key order: the extra row only says there is
    /// more. A row without a record (an index entry whose escalation moved or went) is passed over.
    /// </summary>
    public static EscalationPage From(IReadOnlyList<(string Key, EscalationRecord? Record)> rows, int size) => new(
        [.. rows.Take(size).Select(r => r.Record).OfType<EscalationRecord>()],
        rows.Count > size ? rows[size - 1].Key : null);

    /// <summary>The continuation token a client gets: opaque to it (base64url of the key).</summary>
    public static string Token(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>The key of a token this API gave; null if it is not one.</summary>
    public static string? KeyOf(string token)
    {
        try
        {
            var key = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return EscalationOrder.IsKey(key) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
