using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.BotFramework.Schema;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Functions.Tests;

/// <summary>
/// The real bot on a free loopback port, with its own SQLite file: the plain server on Kestrel, or
/// the isolated worker behind a stand-in for the Functions host's HTTP side (<see cref="Worker.FunctionsFront"/>).
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly IHost app;
    private readonly WebApplication? front;

    private BotHost(IHost app, string dataFolder, WebApplication? front = null)
    {
        this.app = app;
        this.front = front;
        DataFolder = dataFolder;
        Address = new Uri(Loopback.AddressOf(front ?? (WebApplication)app));
        Http = new HttpClient { BaseAddress = Address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => app.Services;

    public static Task<BotHost> StartAsync(params string[] settings) => StartAsync(null, settings);

    public static async Task<BotHost> StartAsync(Action<IServiceCollection>? replace, params string[] settings)
    {
        var data = NewDataFolder();
        var app = ChatbotApp.Create(["--urls", "http://127.0.0.1:0", .. Args(data, settings)], replace);
        await app.StartAsync();
        return new BotHost(app, data);
    }

    /// <summary>For the test classes run in both modes (a subclass ...InTheWorker sets <paramref name="worker"/>).</summary>
    public static Task<BotHost> StartIn(bool worker, params string[] settings) => StartIn(worker, null, settings);

    public static Task<BotHost> StartIn(bool worker, Action<IServiceCollection>? replace, params string[] settings) =>
        worker ? StartWorkerAsync(replace, settings) : StartAsync(replace, settings);

    /// <summary>The isolated worker, its HTTP functions reached as the Functions host routes them.</summary>
    public static Task<BotHost> StartWorkerAsync(params string[] settings) => StartWorkerAsync(null, settings);

    public static async Task<BotHost> StartWorkerAsync(Action<IServiceCollection>? replace, params string[] settings)
    {
        var data = NewDataFolder();
        var worker = Functions.Worker.WorkerApp.Create(Args(data, settings), services =>
        {
            Worker.FunctionsFront.WithoutFunctionsRuntime(services);
            replace?.Invoke(services);
        });
        await worker.StartAsync();
        return new BotHost(worker, data, await Worker.FunctionsFront.StartAsync(worker.Services));
    }

    private static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "chatbot-test-" + Guid.NewGuid().ToString("N"));

    private static string[] Args(string data, string[] settings) =>
    [
        $"--Storage:SqlitePath={Path.Combine(data, "chatbot.db")}",
        $"--Content:DialogsFolder={Repository.Dialogs}",
        "--Logging:LogLevel:Default=Warning",
        .. settings,
    ];

    public static async Task<BotHost> StartOnAsync(string dataFolder, params string[] settings) =>
        await StartAsync([$"--Storage:SqlitePath={Path.Combine(dataFolder, "chatbot.db")}", .. settings]);

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, BotJson.Default.Activity) };
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        return Http.SendAsync(request);
    }

    public async Task<IReadOnlyList<Activity>> ExpectRepliesAsync(Activity activity)
    {
        var response = await PostAsync(activity with { DeliveryMode = DeliveryModes.ExpectReplies });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(BotJson.Default.ExpectedReplies);
        return body!.Activities;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (front is not null) await front.DisposeAsync();
        await app.StopAsync();
        if (app is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else app.Dispose();
    }
}

/// <summary>Activities as the Emulator or Web Chat would send them.</summary>
public static class Patient
{
    public static Activity Says(string text, string conversation = "conv-1", string? serviceUrl = "http://127.0.0.1:9/", string locale = "fr-FR") => new()
    {
        Type = ActivityTypes.Message,
        Id = "act-" + Guid.NewGuid().ToString("N")[..8],
        Text = text,
        Locale = locale,
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount("user-1", "Patient") { Role = "user" },
        Recipient = new ChannelAccount("bot-1", "Bot") { Role = "bot" },
        Conversation = new ConversationAccount(conversation),
    };

    public static JsonElement Chatbot(this Activity reply) => reply.ChannelData!.Element.GetProperty("chatbot");
}

public static class Repository
{
    public static string Root { get; } = Find();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>A copy of dialogs/ in a temporary folder, for a test that changes content.</summary>
    public static string CopyOfDialogs()
    {
        var copy = Path.Combine(Path.GetTempPath(), "chatbot-dialogs-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Dialogs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Dialogs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chatbot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Chatbot.sln not found");
    }
}
