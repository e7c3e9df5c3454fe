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

    /// <summary>Served from the executable's folder: the worker's content root is wherever the host starts it.</summary>
    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static IApplicationBuilder UsePages(this IApplicationBuilder app)
    {
        // The console redeems its sign-in code at the identity provider: allow that origin too.
        var authority = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Staff.StaffOptions>>().Value.Entra.Authority;
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
        var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(WebRoot);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff", () => Results.Redirect("/staff.html"));
        app.MapGet("/staff/review", () => Results.Redirect("/staff-review.html"));
        app.MapGet("/staff/activity", () => Results.Redirect("/staff-activity.html"));
        return app;
    }
}
