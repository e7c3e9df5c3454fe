namespace Chatbot.Functions.Hosting;

/// <summary>The patient page (/) and the staff console (/staff), with a strict Content-Security-Policy.</summary>
public static class Pages
{
    /// <summary>
    /// Scripts only from this site (Web Chat's bundle is served from wwwroot/lib); Web Chat injects its
    /// styles at runtime, hence 'unsafe-inline' for styles only; Direct Line calls go to this site
    /// or to Azure's Direct Line.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self' https://directline.botframework.com https://*.directline.botframework.com wss://*.directline.botframework.com; " +
        "frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public static WebApplication UsePages(this WebApplication app)
    {
        // The console redeems its sign-in code at the identity provider: allow that origin too.
        var authority = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Staff.StaffOptions>>().Value.Entra.Authority;
        var policy = Uri.TryCreate(authority, UriKind.Absolute, out var uri)
            ? ContentSecurityPolicy.Replace("connect-src 'self'", $"connect-src 'self' {uri.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;
        app.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = policy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/staff", () => Results.Redirect("/staff.html"));
        return app;
    }
}
