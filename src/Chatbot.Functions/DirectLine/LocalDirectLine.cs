using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.DirectLine;

/// <summary>A token's claims: which conversation, which user, until when.</summary>
public sealed record LocalToken(string ConversationId, string UserId, long ExpiresUnix);

/// <summary>
/// Direct Line for development: conversations kept in memory, activities numbered for watermarks,
/// tokens signed with a per-process key (HMAC-SHA256) and bound to one conversation.
/// </summary>
public sealed class LocalDirectLine(IOptions<DirectLineOptions> options, TimeProvider time)
{
    /// <summary>
    /// The serviceUrl of every local conversation: fixed, never taken from a request's Host header, and
    /// not an http URL, so nothing for it ever leaves the process (see <c>PatientChannel</c>).
    /// </summary>
    public const string ServiceUrl = "urn:chatbot:local-directline";

    private const int MaxConversations = 1_000;
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, LocalConversation> conversations = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public string Issue(string conversationId, string userId)
    {
        var claims = new LocalToken(conversationId, userId, time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds());
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims, DirectLineJson.Default.LocalToken));
        return payload + "." + Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
    }

    /// <summary>The token's claims if it is ours, intact and not expired; else null (403).</summary>
    public LocalToken? Verify(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 2) return null;
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0]));
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(Pad(parts[1])))) return null;
            var claims = JsonSerializer.Deserialize(Convert.FromBase64String(Pad(parts[0])), DirectLineJson.Default.LocalToken);
            return claims is not null && claims.ExpiresUnix > time.GetUtcNow().ToUnixTimeSeconds() ? claims : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public LocalConversation Open(string conversationId)
    {
        if (conversations.Count >= MaxConversations)
        {
            // Development only: forget the least recently used conversations rather than grow forever.
            foreach (var old in conversations.Values.OrderBy(c => c.LastUsed).Take(MaxConversations / 10)) conversations.TryRemove(old.Id, out _);
        }
        return conversations.GetOrAdd(conversationId, id => new LocalConversation(id, time));
    }

    public LocalConversation? Find(string conversationId) => conversations.GetValueOrDefault(conversationId);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string text)
    {
        text = text.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - text.Length % 4) % 4);
    }
}

/// <summary>One conversation's activities, numbered from 0: the watermark is the count already read.</summary>
public sealed class LocalConversation(string id, TimeProvider time)
{
    private readonly List<Activity> activities = [];

    public string Id { get; } = id;

    public DateTimeOffset LastUsed { get; private set; } = time.GetUtcNow();

    /// <summary>Adds the activity with its Direct Line id ("conversation|0000003") and returns that id.</summary>
    public string Append(Activity activity)
    {
        lock (activities)
        {
            var id = $"{Id}|{activities.Count:D7}";
            activities.Add(activity with { Id = id, Timestamp = activity.Timestamp ?? time.GetUtcNow(), Conversation = new ConversationAccount(Id) });
            LastUsed = time.GetUtcNow();
            return id;
        }
    }

    public (IReadOnlyList<Activity> Activities, int Watermark) Since(int watermark)
    {
        lock (activities)
        {
            LastUsed = time.GetUtcNow();
            var from = Math.Clamp(watermark, 0, activities.Count);
            return (activities.Skip(from).ToList(), activities.Count);
        }
    }
}
