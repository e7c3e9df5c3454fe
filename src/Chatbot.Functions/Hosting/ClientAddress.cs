using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Hosting;

/// <summary>
/// Which peers may tell us the client's address (docs/decisions/012). Behind the Functions host
/// every request comes from loopback, so limits keyed on the socket would be one limit for all.
/// </summary>
public sealed class ClientAddressOptions
{
    public const string Section = "ClientAddress";

    /// <summary>
    /// Addresses (<c>10.0.0.4</c>) or networks (<c>10.0.0.0/24</c>) whose forwarded header is
    /// believed. Unset: loopback when run as the Functions worker (the host forwards from there), none otherwise.
    /// </summary>
    public string[]? KnownProxies { get; set; }

    /// <summary>How many entries, from the right, are taken from the header (one per known proxy).</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>The header those proxies write (Azure Front Door's own is X-Azure-ClientIP).</summary>
    public string ForwardedForHeaderName { get; set; } = ForwardedHeadersDefaults.XForwardedForHeaderName;
}

/// <summary>The client's address, as limits and throttles key it: forwarded by a known proxy, else the peer.</summary>
public static class ClientAddress
{
    /// <summary>After the forwarded-headers middleware, the remote address is the client's.</summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// ASP.NET Core's forwarded-headers middleware does the parsing (rightmost entries first, only
    /// from known proxies, <c>ip:port</c> accepted); only X-Forwarded-For is read, never the host
    /// or scheme. Its own defaults (trust loopback) are replaced by ours.
    /// </summary>
    public static IHostApplicationBuilder AddClientAddress(this IHostApplicationBuilder builder)
    {
        // The Functions host forwards each request to the worker from loopback.
        var behindHost = builder.Configuration.OnAzureFunctions();
        builder.Services.AddOptions<ClientAddressOptions>().BindConfiguration(ClientAddressOptions.Section)
            .PostConfigure(o => o.KnownProxies ??= behindHost ? ["127.0.0.0/8", "::1/128"] : [])
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ClientAddressOptions>, ClientAddressOptionsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ClientAddressOptions>>((forwarded, mine) => Forward(forwarded, mine.Value));
        return builder;
    }

    private static void Forward(ForwardedHeadersOptions forwarded, ClientAddressOptions mine)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
        forwarded.ForwardedForHeaderName = mine.ForwardedForHeaderName;
        forwarded.ForwardLimit = mine.ForwardLimit;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var entry in mine.KnownProxies ?? []) forwarded.KnownIPNetworks.Add(Network(entry)!.Value);
    }

    /// <summary>
    /// No middleware at all when no proxy is known: with empty lists ASP.NET Core's middleware
    /// believes every peer, so a direct client could pick its own address.
    /// </summary>
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<ClientAddressOptions>>().Value.KnownProxies is { Length: > 0 })
            app.UseForwardedHeaders();
        return app;
    }

    /// <summary>An address is a network of one (/32 or /128).</summary>
    internal static IPNetwork? Network(string entry) =>
        IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : null;
}

/// <summary>A proxy list that does not parse stops the start, naming the entry.</summary>
public sealed class ClientAddressOptionsValidator : IValidateOptions<ClientAddressOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientAddressOptions options)
    {
        var failures = new List<string>();
        foreach (var entry in options.KnownProxies ?? [])
        {
            if (ClientAddress.Network(entry) is null)
                failures.Add($"ClientAddress:KnownProxies: '{entry}' is neither an address nor a network (10.0.0.0/24)");
        }
        if (options.ForwardLimit is < 1 or > 10)
            failures.Add("ClientAddress:ForwardLimit must be 1 to 10 (one per proxy in front of the bot)");
        if (string.IsNullOrWhiteSpace(options.ForwardedForHeaderName))
            failures.Add("ClientAddress:ForwardedForHeaderName must name a header");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
