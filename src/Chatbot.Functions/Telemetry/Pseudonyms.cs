using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Telemetry;

/// <summary>
/// A keyed hash (HMAC-SHA256, 96 bits shown) standing for a conversation id in telemetry: the turns of
/// one conversation can be followed, but nobody without the key can tell which conversation it is,
/// nor test a guess. Without a configured key, a random one per process: correlation within an
/// instance's lifetime only.
/// </summary>
public sealed class Pseudonyms(IOptions<TelemetryOptions> options)
{
    private readonly byte[] key = options.Value.PseudonymKey is { Length: > 0 } configured && !Unresolved(configured)
        ? Encoding.UTF8.GetBytes(configured)
        : RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// A Key Vault reference whose secret is not set yet stays its literal text in the app: a key
    /// known to anyone reading the template. Taken as no key rather than stopping the bot.
    /// </summary>
    public static bool Unresolved(string key) => key.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    public string Of(string id)
    {
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id), hash);
        return Convert.ToHexStringLower(hash[..12]);
    }
}
