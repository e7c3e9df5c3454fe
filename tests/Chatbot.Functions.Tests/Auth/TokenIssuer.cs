using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Functions.Tests.Auth;

/// <summary>
/// Plays Azure Bot Service's identity side on loopback: OpenID metadata and a JWKS with an RSA key
/// endorsed for the "emulator" and "webchat" channels, and tokens signed with it.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly WebApplication app;
    private readonly RSA rsa;
    private readonly RsaSecurityKey key;

    private TokenIssuer(WebApplication app, string address, RSA rsa, RsaSecurityKey key)
    {
        this.app = app;
        this.rsa = rsa;
        this.key = key;
        Base = address;
    }

    public string Base { get; }

    public string MetadataUrl => Base + "/.well-known/openidconfiguration";

    public int MetadataRequests { get; private set; }

    public static async Task<TokenIssuer> StartAsync()
    {
        var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
        TokenIssuer? issuer = null;
        var (app, address) = await Loopback.StartAsync(app =>
        {
            app.MapGet("/.well-known/openidconfiguration", () =>
            {
                issuer!.MetadataRequests++;
                return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = "https://api.botframework.com",
                    ["jwks_uri"] = issuer.Base + "/keys",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                }), "application/json");
            });
            app.MapGet("/keys", () => Results.Text(JsonSerializer.Serialize(new { keys = new[] { Jwk(rsa, key.KeyId) } }), "application/json"));
        });
        return issuer = new TokenIssuer(app, address, rsa, key);
    }

    /// <summary>The public key as a JWK, endorsed for two channels (as Azure Bot Service publishes them).</summary>
    private static Dictionary<string, object> Jwk(RSA rsa, string keyId)
    {
        var parameters = rsa.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new[] { "emulator", "webchat" },
        };
    }

    /// <summary>A channel token as Azure Bot Service sends it; each argument can be made wrong.</summary>
    public string Token(
        string serviceUrl, string audience = AppId, string issuer = "https://api.botframework.com",
        DateTime? expires = null, SigningCredentials? signing = null, IDictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = signing ?? new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
    }

    public async ValueTask DisposeAsync()
    {
        rsa.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
