using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Chatbot.Functions.Tests.Fuzz;

/// <summary>Where a fuzz case goes: the Bot Framework endpoint or one of Web Chat's Direct Line calls.</summary>
public enum FuzzTarget { Messages, Token, Start, Post, Poll, Refresh, Reconnect }

/// <summary>Whose token a Direct Line call carries (resolved against live sessions when sent).</summary>
public enum FuzzToken { Own, OtherConversations, None, Garbage, Basic, Tampered }

/// <summary>Which conversation id the path names.</summary>
public enum FuzzConversation { Own, Other, Junk }

/// <summary>One request: where, with which token and content type, and the body's bytes.</summary>
public sealed record FuzzCase(
    FuzzTarget Target, FuzzToken Token, FuzzConversation Conversation, string JunkId, string? Watermark,
    string? ContentType, byte[] Body, string Mutation)
{
    private static readonly string?[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
         "multipart/form-data; boundary=x", null, "application/json; charset=iso-8859-1", "application/vnd.api+json",
         "application/problem+json", "*/*", "application/json; charset=\"", "text/json"];

    private static readonly byte[][] BadUtf8 =
        [[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x00]];

    /// <summary>Mostly activities, sometimes any JSON, deep nesting, nothing, or a body past 256 KB.</summary>
    private static Gen<string> Json =>
        Gen.Frequency(
            (14, ActivityJunk.Activity), (2, ActivityJunk.Junk(2)), (1, ActivityJunk.DeepNesting),
            (1, Gen.Constant("")), (1, Gen.Constant(" \n\t ")),
            (1, ActivityJunk.Activity.Select(a => a.Insert(1, $"\"pad\":\"{new string('x', 300_000)}\","))));

    /// <summary>Bytes as sent: valid UTF-8, or cut short, or with a sequence no decoder accepts, or a BOM.</summary>
    private static Gen<(byte[] Body, string Mutation)> Bytes =>
        Json.SelectMany(json => Gen.Frequency(
            (12, Gen.Constant((Encoding.UTF8.GetBytes(json), "none"))),
            (2, Gen.Choose(0, json.Length).Select(cut => (Encoding.UTF8.GetBytes(json[..cut]), $"cut at {cut}"))),
            (2, Gen.Zip(Gen.Choose(0, json.Length), Gen.Elements(BadUtf8)).Select(bad =>
                (Encoding.UTF8.GetBytes(json[..bad.Item1]).Concat(bad.Item2)
                    .Concat(Encoding.UTF8.GetBytes(json[bad.Item1..])).ToArray(),
                 $"bytes {Convert.ToHexString(bad.Item2)} at {bad.Item1}"))),
            (1, Gen.Constant((new byte[] { 0xef, 0xbb, 0xbf }.Concat(
                Encoding.UTF8.GetBytes(json)).ToArray(), "BOM")))));

    public static Gen<FuzzCase> Any =>
        from target in Gen.Frequency(
            (8, Gen.Constant(FuzzTarget.Messages)), (6, Gen.Constant(FuzzTarget.Post)),
            (1, Gen.Constant(FuzzTarget.Token)), (1, Gen.Constant(FuzzTarget.Start)),
            (1, Gen.Constant(FuzzTarget.Poll)),
            (1, Gen.Constant(FuzzTarget.Refresh)), (1, Gen.Constant(FuzzTarget.Reconnect)))
        from token in Gen.Frequency(
            (8, Gen.Constant(FuzzToken.Own)), (1, Gen.Elements(Enum.GetValues<FuzzToken>())))
        from conversation in Gen.Frequency(
            (8, Gen.Constant(FuzzConversation.Own)), (1, Gen.Elements(Enum.GetValues<FuzzConversation>())))
        from junkId in Gen.Elements("x", "local-", "..", "%2e%2e", "a%00b", new string('9', 3_000), "é", "%FF", "-1")
        from watermark in Gen.Elements(null, "0", "-1", "99999999999", "abc", "1e3", " 1", "2147483647")
        from contentType in Gen.Frequency((6, Gen.Constant<string?>("application/json")),
            (4, Gen.Elements(ContentTypes)))
        from bytes in Bytes
        select new FuzzCase(target, token, conversation, junkId, watermark, contentType, bytes.Body, bytes.Mutation);

    /// <summary>Enough to see the case again: the rest comes back from the seed.</summary>
    public override string ToString()
    {
        var preview = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)).ReplaceLineEndings(" ");
        var id = Conversation == FuzzConversation.Junk ? $"({JunkId[..Math.Min(JunkId.Length, 20)]})" : "";
        return $"{Target} token={Token} conversation={Conversation}{id} content-type={ContentType ?? "(none)"} "
            + $"mutation={Mutation} body[{Body.Length}]={preview}";
    }
}
