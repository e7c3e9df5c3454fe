using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Functions.Staff;

/// <summary>What the console needs for an authorization-code + PKCE sign-in (nothing secret).</summary>
public sealed record SignIn(string AuthorizeUrl, string TokenUrl, string ClientId, string Scope);

/// <summary>Who is calling the staff API, or why not (401: unknown; 403: known, without the role).</summary>
public readonly record struct StaffCaller(string? Who, int RefusalStatus)
{
    public bool Allowed => Who is not null;
}

public sealed class StaffAuthenticator
{
    private readonly StaffOptions options;
    private readonly JsonWebTokenHandler handler = new();
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? keys;

    public StaffAuthenticator(IOptions<StaffOptions> options)
    {
        this.options = options.Value;
        var entra = this.options.Entra;
        if (!entra.Enabled) return;
        var url = entra.MetadataUrl ?? entra.Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
        keys = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.IsLoopback) });
    }

    /// <summary>Where the console sends staff to sign in, from the authority's OpenID metadata; null without Entra.</summary>
    public async Task<SignIn?> SignInAsync(CancellationToken cancellationToken)
    {
        if (keys is null || options.Entra.ClientId is not { Length: > 0 } client) return null;
        var configuration = await keys.GetConfigurationAsync(cancellationToken);
        return new SignIn(configuration.AuthorizationEndpoint, configuration.TokenEndpoint, client, options.Entra.ConsoleScope);
    }

    /// <summary>
    /// With the shared local key, the name the nurse typed at sign-in (header <c>X-Staff-Name</c>), so the
    /// audit trail says who acted; letters, spaces and . ' - only, at most 60 characters.
    /// </summary>
    private static string? DeclaredName(HttpRequest request)
    {
        var typed = Uri.UnescapeDataString(request.Headers["X-Staff-Name"].ToString()).Trim();
        var name = new string([.. typed.Where(c => char.IsLetter(c) || c is ' ' or '.' or '\'' or '-').Take(60)]).Trim();
        return name.Length > 0 ? name : null;
    }

    public async Task<StaffCaller> IdentifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (options.ApiKey is { Length: > 0 } key && request.Headers["X-Api-Key"].ToString() is { Length: > 0 } given)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key))
                ? new StaffCaller(DeclaredName(request) is { } name ? $"{name} (clé locale)" : "clé locale", 0)
                : new StaffCaller(null, 401);
        }
        var authorization = request.Headers.Authorization.ToString();
        if (keys is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return new StaffCaller(null, 401);
        try
        {
            var configuration = await keys.GetConfigurationAsync(cancellationToken);
            var result = await handler.ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), new TokenValidationParameters
            {
                ValidIssuer = options.Entra.Authority!.TrimEnd('/'),
                ValidAudiences = [options.Entra.Audience!, $"api://{options.Entra.Audience}"],
                IssuerSigningKeys = configuration.SigningKeys,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ClockSkew = TimeSpan.FromMinutes(5),
            });
            if (!result.IsValid) return new StaffCaller(null, 401);
            var token = (JsonWebToken)result.SecurityToken;
            var roles = token.Claims.Where(c => c.Type is "roles" or "role").Select(c => c.Value);
            if (!roles.Contains(options.Entra.Role)) return new StaffCaller(null, 403);
            var account = token.Claims.FirstOrDefault(c => c.Type is "preferred_username" or "upn" or "oid")?.Value ?? "Entra ID";
            var name = token.Claims.FirstOrDefault(c => c.Type == "name")?.Value;
            return new StaffCaller(name is { Length: > 0 } ? $"{name} ({account})" : account, 0);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or ArgumentException)
        {
            return new StaffCaller(null, 401);
        }
    }
}
