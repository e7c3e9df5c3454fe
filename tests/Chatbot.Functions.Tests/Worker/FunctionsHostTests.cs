using Chatbot.Functions.Hosting;

namespace Chatbot.Functions.Tests.Worker;

/// <summary>Which host the process runs as: the worker only when a Functions host started it.</summary>
public class FunctionsHostTests
{
    private static string? NoVariable(string name) => null;

    private static object? NoSwitch(string name) => null;

    [Fact]
    public void DotnetRun_WithoutAHost_IsThePlainServer() =>
        Assert.False(FunctionsHost.StartedBy(["--urls", "http://127.0.0.1:0"], NoVariable, NoSwitch));

    [Theory]
    [InlineData("--functions-uri", "http://127.0.0.1:51234/")]
    [InlineData("--functions-uri=http://127.0.0.1:51234/", "--functions-worker-id=1")]
    public void TheHostsArguments_StartTheWorker(string first, string second) =>
        Assert.True(FunctionsHost.StartedBy([first, second, "--functions-request-id", "r"], NoVariable, NoSwitch));

    [Fact]
    public void TheHostEndpointInTheEnvironment_StartsTheWorker() =>
        Assert.True(FunctionsHost.StartedBy([], n => n == FunctionsHost.EndpointVariable ? "http://127.0.0.1:51234/" : null, NoSwitch));

    /// <summary>Flex Consumption's placeholder mode: FunctionsNetHost loads the app with no arguments.</summary>
    [Fact]
    public void TheNativeHostsSwitch_WithNoArguments_StartsTheWorker() =>
        Assert.True(FunctionsHost.StartedBy([], NoVariable, n => n == FunctionsHost.NativeHostSwitch ? "1" : null));

    [Fact]
    public void ThisTestProcess_IsNoFunctionsHost() => Assert.False(FunctionsHost.StartedBy([]));
}
