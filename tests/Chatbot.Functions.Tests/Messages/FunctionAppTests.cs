using System.Net;
using System.Text.Json;
using Chatbot.Functions.Tests.Storage;

namespace Chatbot.Functions.Tests.Messages;

/// <summary>
/// The function app the build produces, read as the Functions host reads it: every function.json
/// names a route or a trigger the handler really serves (a typo would be a 404 in production only).
/// </summary>
public class FunctionAppTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string Output = AppContext.BaseDirectory;

    public static TheoryData<string> Functions() => [.. Directory.EnumerateFiles(Output, "function.json", SearchOption.AllDirectories)
        .Select(f => Path.GetFileName(Path.GetDirectoryName(f)!)).Order(StringComparer.Ordinal)];

    [Fact]
    public void HostJson_ForwardsHttp_WithoutRoutePrefix_AndKnowsTheQueueExtension()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));

        Assert.True(host.RootElement.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host.RootElement.GetProperty("extensionBundle").GetProperty("id").GetString());
        Assert.Equal(10, Functions().Count);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task EachFunction_IsServedByTheHandler(string function)
    {
        await using var bot = await BotHost.StartAsync(azurite.Azurite.Settings(AzuriteFixture.NewPrefix()));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, function, "function.json")));
        var trigger = json.RootElement.GetProperty("bindings")[0];

        HttpResponseMessage response;
        if (trigger.GetProperty("type").GetString() == "httpTrigger")
        {
            var path = "/" + trigger.GetProperty("route").GetString()!.Replace("{*path}", "", StringComparison.Ordinal)
                .Replace("{*rest}", "", StringComparison.Ordinal).Replace("{key}", "emulator%3Aany", StringComparison.Ordinal).TrimEnd('/');
            var method = new HttpMethod(trigger.GetProperty("methods")[0].GetString()!.ToUpperInvariant());
            response = await bot.Http.SendAsync(new HttpRequestMessage(method, path));
        }
        else
        {
            // A non-HTTP trigger: the host posts {"Data":…,"Metadata":…} to /{function name}.
            response = await bot.Http.PostAsync($"/{function}", new StringContent("""{"Data":{},"Metadata":{}}""", System.Text.Encoding.UTF8, "application/json"));
        }

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
