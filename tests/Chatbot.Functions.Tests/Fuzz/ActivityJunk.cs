using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Chatbot.Functions.Tests.Fuzz;

/// <summary>
/// JSON text over the activity schema, mostly almost right: each field absent, of its kind, or of
/// another kind; strings empty, hostile, huge or not Unicode at all; junk nested where objects go.
/// </summary>
public static class ActivityJunk
{
    private static readonly string[] Types =
        ["message", "conversationUpdate", "typing", "event", "invoke", "endOfConversation", "installationUpdate",
         "messageReaction", "trace", "handoff", "Message", "MESSAGE", "", " ", "message\u0000"];

    private static readonly string[] ServiceUrls =
        ["http://127.0.0.1:9/", "http://localhost:3978/", "http://[::1]:9/", "https://example.org/bot/", "",
         "file:///etc/passwd", "javascript:alert(1)", "gopher://127.0.0.1:25/", "http://169.254.169.254/latest/",
         "http://user:pw@127.0.0.1/", "http://127.0.0.1:9/?q=1#f", "not a url", "http://127.0.0.1:99999/", "//x"];

    private static readonly string[] Words =
        ["bonjour", "faut-il être à jeun ?", "je veux parler à une infirmière", "j'ai très mal à la poitrine",
         "oui", "non", "grazie", "can I drive home?", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd",
         "%00%2e%2e", "{{7*7}}", "${jndi:ldap://x}", "\u0000\u0007\u001b[31m", "\u202e\u200b\ufeff",
         "😀👨‍👩‍👧",
         "0899 00 00 00", "jean.dupont@example.org", "ａｂｃ", "İıŞ", "\r\n\r\nX-Injected: 1", "null", "NaN"];

    /// <summary>What a serializer never writes: escaped lone surrogates, bad escapes, not JSON at all.</summary>
    private static readonly string[] Invalid =
        ["\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "\"a\\/b\"", "\"\\uZZZZ\"", "\"\t\"", "\"\\x41\"",
         "NaN", "'single'", "undefined", "0x10", "+1", ".5", "1e99999", "\"yesterday\"", "\"9999-99-99T99:99:99Z\""];

    public static Gen<string> Text =>
        Gen.Frequency(
            (6, Gen.Elements(Words).Select(Quote)),
            (3, Gen.Choose(0, 40).SelectMany(n => Chars.ArrayOf(n)).Select(c => Quote(new string(c)))));

    /// <summary>A patient's message: now and then longer than the bot reads (4 000) or than a body may be.</summary>
    private static Gen<string> Message =>
        Gen.Frequency((20, Text), (1, Gen.Elements(1_000, 4_100, 70_000).Select(n => Quote(new string('é', n)))));

    /// <summary>Any character, surrogates halves included (the encoder escapes a lone one).</summary>
    private static Gen<char> Chars =>
        Gen.Frequency(
            (4, Gen.Choose(0x20, 0x7e)), (2, Gen.Choose(0, 0x1f)), (2, Gen.Choose(0xa0, 0x2fff)),
            (1, Gen.Choose(0xd800, 0xdfff)), (1, Gen.Choose(0xe000, 0xffff)))
        .Select(c => (char)c);

    /// <summary>Any JSON value, nested to <paramref name="depth"/>, built lazily (a small generator).</summary>
    public static Gen<string> Junk(int depth)
    {
        var leaf = Gen.OneOf(
            Text, Gen.Elements("null", "true", "false", "0", "-1", "1e308", "-0.0", "12345678901234567890123",
                "1.5", "[]", "{}"));
        if (depth == 0) return leaf;
        var inner = Gen.Constant(depth - 1).SelectMany(Junk);
        return Gen.Frequency(
            (3, leaf),
            (1, Gen.Choose(0, 4).SelectMany(n => inner.ArrayOf(n)).Select(v => $"[{string.Join(",", v)}]")),
            (1, Gen.Choose(0, 4).SelectMany(n => Field(Text, inner).ArrayOf(n)).Select(Object)));
    }

    /// <summary>An array or object nested far deeper than any reader allows (64 by default).</summary>
    public static Gen<string> DeepNesting =>
        Gen.Zip(Gen.Choose(20, 3_000), Gen.Elements(('[', ']'), ('{', '}')))
            .Select(d => d.Item2.Item1 == '['
                ? new string('[', d.Item1) + new string(']', d.Item1)
                : string.Concat(Enumerable.Repeat("{\"a\":", d.Item1)) + "1" + new string('}', d.Item1));

    private static Gen<string> Account(int junk) =>
        Object(junk,
            ("id", Text), ("name", Text), ("role", Gen.Elements("user", "bot", "", "admin").Select(Quote)),
            ("aadObjectId", Text));

    private static Gen<string> Conversation(int junk) =>
        Object(junk,
            ("id", Gen.Frequency((4, Gen.Elements("conv-1", "conv-2", "a|b", "x").Select(Quote)), (2, Text))),
            ("isGroup", Gen.Elements("true", "false")), ("conversationType", Text), ("tenantId", Text));

    private static Gen<string> SuggestedActions(int junk) =>
        Object(junk,
            ("actions", Gen.Choose(0, 3).SelectMany(n => Object(junk, ("type", Text), ("title", Text), ("value", Text))
                .ArrayOf(n)).Select(a => $"[{string.Join(",", a)}]")),
            ("to", Gen.Choose(0, 2).SelectMany(n => Text.ArrayOf(n)).Select(a => $"[{string.Join(",", a)}]")));

    private static Gen<string> Accounts(int junk) => ArrayOf(Account(junk));

    private static Gen<string> ArrayOf(Gen<string> item) =>
        Gen.Choose(0, 3).SelectMany(n => item.ArrayOf(n)).Select(a => $"[{string.Join(",", a)}]");

    /// <summary>Any activity, or one the bot would take a turn on, with the rest of its fields still junk.</summary>
    public static Gen<string> Activity => Gen.Frequency((2, AnyActivity(junk: 2)), (3, Plausible));

    /// <summary>Kind, conversation and a way to answer set last (the last twin key wins); the rest as is.</summary>
    private static Gen<string> Plausible =>
        from rest in AnyActivity(junk: 0)
        from type in Gen.Elements("message", "message", "message", "conversationUpdate", "event", "invoke")
        from conversation in Gen.Elements("conv-1", "conv-2", "conv-3")
        from delivery in Gen.Elements("expectReplies", "expectReplies", "normal")
        select (rest.Length > 2 ? rest[..^1] + "," : "{")
            + $"\"type\":\"{type}\",\"conversation\":{{\"id\":\"{conversation}\"}},"
            + $"\"serviceUrl\":\"http://127.0.0.1:9/\",\"deliveryMode\":\"{delivery}\"}}";

    /// <summary>An activity: every field of the schema, and some that are not, each maybe absent or wrong.</summary>
    private static Gen<string> AnyActivity(int junk) =>
        Object(junk,
            ("type", Gen.Elements(Types).Select(Quote)), ("id", Text), ("timestamp", Gen.Elements(
                "\"2026-12-07T03:00:00Z\"", "\"2026-12-07T04:00:00.1234567+01:00\"", "\"0001-01-01T00:00:00Z\"")),
            ("serviceUrl", Gen.Elements(ServiceUrls).Select(Quote)), ("channelId", Text), ("from", Account(junk)),
            ("conversation", Conversation(junk)), ("recipient", Account(junk)), ("textFormat", Text), ("locale",
                Gen.Elements("fr-FR", "it-IT", "en-US", "fr", "", "zz-ZZ", "fr-FR;q=0.9", "\u0000").Select(Quote)),
            ("text", Message), ("inputHint", Text), ("replyToId", Text), ("deliveryMode",
                Gen.Elements("expectReplies", "normal", "", "EXPECTREPLIES").Select(Quote)),
            ("name", Text), ("membersAdded", Accounts(junk)), ("membersRemoved", Accounts(junk)),
            ("suggestedActions", SuggestedActions(junk)), ("attachments", ArrayOf(Junk(2))),
            ("entities", ArrayOf(Junk(2))),
            ("channelData", Junk(3)), ("value", Junk(3)), ("$type", Text), ("__proto__", Junk(1)));

    /// <summary>
    /// Each field: absent, as the schema says, or (by weight <paramref name="junk"/>) anything else;
    /// now and then twice.
    /// </summary>
    private static Gen<string> Object(int junk, params (string Name, Gen<string> Value)[] fields) =>
        Gen.CollectToArray(fields, f => Gen.Frequency(
                (3, Gen.Constant<string?>(null)),
                (6, f.Value.Select(v => (string?)$"{Quote(f.Name)}:{v}")),
                (junk, Gen.Frequency((3, Junk(1)), (1, Gen.Elements(Invalid)))
                    .Select(v => (string?)$"{Quote(f.Name)}:{v}")),
                (1, f.Value.Select(v => (string?)$"{Quote(f.Name)}:{v},{Quote(f.Name)}:{v}"))))
            .Select(present => "{" + string.Join(",", present.Where(p => p is not null)) + "}");

    private static Gen<string> Field(Gen<string> key, Gen<string> value) => Gen.Zip(key, value, (k, v) => $"{k}:{v}");

    private static string Object(IEnumerable<string> members) => "{" + string.Join(",", members) + "}";

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
