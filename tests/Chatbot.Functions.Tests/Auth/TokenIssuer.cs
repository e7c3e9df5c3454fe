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
                    ["authorization_endpoint"] = issuer.Base + "/authorize",
                    ["token_endpoint"] = issuer.Base + "/token",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                }), "application/json");
            });
            // Microsoft Entra's metadata for a tenant: the issuer of Emulator tokens, same keys.
            app.MapGet("/entra/{tenant}/.well-known/openid-configuration", (string tenant) => Results.Text(
                JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
                    ["jwks_uri"] = issuer!.Base + "/keys",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                }), "application/json"));
            app.MapGet("/keys", () => Results.Text(JsonSerializer.Serialize(new { keys = new[] { Jwk(rsa, key.KeyId) } }), "application/json"));
            MapSignIn(app, () => issuer!);
        });
        return issuer = new TokenIssuer(app, address, rsa, key);
    }

    /// <summary>Staff sign-in: the code+PKCE flow a single-page app uses, granting the staff role.</summary>
    public Dictionary<string, string> Challenges { get; } = [];

    public string[] GrantedRoles { get; set; } = ["Escalations.Handle"];

    private static void MapSignIn(WebApplication app, Func<TokenIssuer> issuer)
    {
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            var code = Guid.NewGuid().ToString("N");
            issuer().Challenges[code] = q["code_challenge"].ToString();
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        app.MapPost("/token", async (HttpRequest request, HttpResponse response) =>
        {
            response.Headers.AccessControlAllowOrigin = "*";
            var form = await request.ReadFormAsync();
            var verifier = form["code_verifier"].ToString();
            var challenge = Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
            if (!issuer().Challenges.Remove(form["code"].ToString(), out var expected) || expected != challenge) return Results.BadRequest();
            var token = issuer().Token("", audience: "staff-api", issuer: issuer().Base,
                claims: new Dictionary<string, object> { ["roles"] = issuer().GrantedRoles, ["preferred_username"] = "nurse@hospital.example" });
            return Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 3600 });
        });
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

    /// <summary>A channel token as Azure Bot Service sends it; each argument can be made wrong (null: no claim).</summary>
    public string Token(
        string? serviceUrl, string audience = AppId, string issuer = "https://api.botframework.com",
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
            Subject = serviceUrl is null ? null : new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = signing ?? new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
    }

    /// <summary>The Bot Framework tenant that signs the Emulator's tokens.</summary>
    public const string EmulatorTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    /// <summary>
    /// An Emulator token from Microsoft Entra: version 1.0 names the caller in "appid", 2.0 in
    /// "azp"; no serviceurl claim unless given. Null claims are left out.
    /// </summary>
    public string EntraToken(string? version, string? appId = null, string? azp = null, string? serviceUrl = null)
    {
        var claims = new Dictionary<string, object?>
        {
            ["ver"] = version, ["appid"] = appId, ["azp"] = azp, ["serviceurl"] = serviceUrl,
        }.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = version == "2.0"
                ? $"https://login.microsoftonline.com/{EmulatorTenant}/v2.0"
                : $"https://sts.windows.net/{EmulatorTenant}/",
            Audience = AppId,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
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
