using System.ComponentModel.DataAnnotations;
using Chatbot.BotFramework.Auth;
using Chatbot.BotFramework.Connector;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Functions.DirectLine;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.Messages;
using Chatbot.Functions.Staff;
using Chatbot.Functions.State;
using Chatbot.Functions.Telemetry;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Hosting;

/// <summary>When the team calls patients back (the bot tells them). Paris time, weekdays, by default.</summary>
public sealed class OfficeHoursOptions
{
    public TimeOnly Opens { get; set; } = new(8, 30);

    public TimeOnly Closes { get; set; } = new(17, 30);

    public DayOfWeek[] Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public string TimeZone { get; set; } = "Europe/Paris";

    public Core.Escalation.OfficeHours ToOfficeHours() => new(Opens, Closes, Days, TimeZone);
}

public sealed class ContentOptions
{
    /// <summary>The dialogs/ folder; relative paths are taken from the executable's folder.</summary>
    [Required]
    public string DialogsFolder { get; set; } = "dialogs";
}

/// <summary>Each area registers itself here; Program.cs only lists them.</summary>
public static partial class HostingSetup
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Every area, for either host: the plain server (<see cref="ChatbotApp"/>) or the worker.</summary>
    public static IHostApplicationBuilder AddChatbot(this IHostApplicationBuilder builder) => builder
        .AddHosting()
        .AddTelemetry()
        .AddClientAddress()
        .AddConversationEngine()
        .AddBotFramework()
        .AddConversationState()
        .AddEscalations()
        .AddWebChat();

    /// <summary>Kestrel's body limit holds for the plain server's Kestrel and the worker's alike.</summary>
    public static IHostApplicationBuilder AddHosting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        // Every HttpClient logs where it calls, never the path (webhook secrets, conversation ids).
        builder.Services.AddSingleton<OutboundLog>();
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<OutboundLog>());
        return builder;
    }

    /// <summary>
    /// Content is loaded, validated and the understanding trained on another core from the moment
    /// configuration is known, while the host is built and Kestrel starts: a cold instance answers
    /// sooner. <see cref="EngineStartup"/> waits for it, so broken content still fails the start.
    /// </summary>
    public static IHostApplicationBuilder AddConversationEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration("Content").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        var folder = builder.Configuration["Content:DialogsFolder"] is { Length: > 0 } configured ? configured : new ContentOptions().DialogsFolder;
        builder.Services.AddSingleton(EngineTraining.Start(Path.IsPathRooted(folder) ? folder : Path.Combine(AppContext.BaseDirectory, folder)));
        builder.Services.AddSingleton(services => services.GetRequiredService<EngineTraining>().Trained.Content);
        builder.Services.AddOptions<OfficeHoursOptions>().BindConfiguration("OfficeHours").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OfficeHoursOptions>, OfficeHoursValidator>();
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration("Conversation").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidator>();
        builder.Services.AddOptions<SiteOptions>().BindConfiguration("Site").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        builder.Services.AddSingleton(services => services.GetRequiredService<EngineTraining>().Trained.With(
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<OfficeHoursOptions>>().Value.ToOfficeHours(),
            KeepingOf(services)));
        builder.Services.AddSingleton<BotTurns>();
        builder.Services.AddHostedService<EngineStartup>();
        return builder;
    }

    /// <summary>What the patient is told is kept, from the retention and site settings.</summary>
    private static Keeping KeepingOf(IServiceProvider services)
    {
        var retention = services.GetRequiredService<IOptions<StateOptions>>().Value.Retention;
        return new Keeping(
            retention.Conversations, retention.ResolvedEscalations,
            services.GetRequiredService<IOptions<ConversationOptions>>().Value.IdleTimeout,
            services.GetRequiredService<IOptions<SiteOptions>>().Value.PrivacyUrl);
    }

    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BotAuthOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>();
        builder.Services.AddOptions<ServiceUrlOptions>().BindConfiguration(ServiceUrlOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServiceUrlOptions>, ServiceUrlOptionsValidator>();
        builder.Services.AddSingleton<ServiceUrlPolicy>();
        builder.Services.AddSingleton<InboundAuthenticator>();
        builder.Services.AddSingleton<IOutboundTokens, MsalOutboundTokens>();
        builder.Services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName).AddStandardResilienceHandler();
        return builder;
    }

    /// <summary>Web Chat's way in: the Direct Line token endpoint, and a local Direct Line for development.</summary>
    public static IHostApplicationBuilder AddWebChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DirectLineOptions>().BindConfiguration("DirectLine").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        builder.Services.AddSingleton<LocalDirectLine>();
        builder.Services.AddHttpClient(LocalDirectLineEndpoints.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddDirectLineLimits();
        return builder;
    }

    /// <summary>Escalations reach staff through an outbox: stored with the turn, delivered with retries.</summary>
    public static IHostApplicationBuilder AddEscalations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration("Notifications").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        builder.Services.AddHttpClient(OutboxDispatcher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton<DispatcherService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DispatcherService>());
        builder.Services.AddOptions<StaffOptions>().BindConfiguration("Staff").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<StaffOptions>, SignInWindowValidator>();
        builder.Services.AddSingleton<StaffAuthenticator>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<StaffDesk>();
        builder.Services.AddSingleton<PatientChannel>();
        return builder;
    }

    /// <summary>Says how the bot is secured (the engine is awaited by <see cref="EngineStartup"/>).</summary>
    public static void WarmUp(this IServiceProvider services)
    {
        if (!services.GetRequiredService<IOptions<BotAuthOptions>>().Value.AuthenticationEnabled)
            Log.Unauthenticated(services.GetRequiredService<ILogger<BotTurns>>());
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (ChatContent content) => TypedResults.Json(new HealthBody("ok", content.Version), ReplyJson.Default.HealthBody));
        return app;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "No MicrosoftAppId configured: /api/messages accepts unauthenticated requests (local use with the Emulator only)")]
        public static partial void Unauthenticated(ILogger logger);
    }
}
