using System.Text.Json;
using Chatbot.Cli;

namespace Chatbot.Core.Tests.Cli;

public class CliTests
{
    [Fact]
    public void Ask_Json_PrintsTheTurnResultShape()
    {
        var output = new StringWriter();
        var options = Options.Parse(["--dialogs", TestContent.DialogsFolder, "--json", "faut-il être à jeun pour une ostéosynthèse ?"]);

        Assert.Equal(0, AskCommand.Run(options, TextReader.Null, output));

        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal("fasting", root.GetProperty("topic").GetString());
        Assert.Equal("answer", root.GetProperty("action").GetString());
        Assert.Equal("osteosynthesis", root.GetProperty("procedure").GetString());
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0, 1);
        var citation = root.GetProperty("citations")[0];
        foreach (var field in new[] { "documentId", "title", "publisher", "url", "quote" }) Assert.True(citation.TryGetProperty(field, out _), field);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("escalation").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("suggestedActions").ValueKind);
    }

    [Fact]
    public void Ask_Stdin_AnswersOneJsonLinePerQuestion()
    {
        var output = new StringWriter();
        var input = new StringReader("bonjour\nj'ai 40 de fièvre\n");

        AskCommand.Run(Options.Parse(["--dialogs", TestContent.DialogsFolder]), input, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("emergency", JsonDocument.Parse(lines[1]).RootElement.GetProperty("topic").GetString());
    }

    [Fact]
    public void Validate_BrokenContent_ExitsNonZero()
    {
        var dialogs = TestContent.CopyDialogs();
        File.Delete(Path.Combine(dialogs, "replies", "en.yaml"));

        Assert.Equal(1, ValidateCommand.Run(Options.Parse(["--dialogs", dialogs])));
        Assert.Equal(0, ValidateCommand.Run(Options.Parse(["--dialogs", TestContent.DialogsFolder])));
    }

    [Fact]
    public void Ask_WithBrokenContent_ExitsWithTheErrors_NotAStackTrace()
    {
        var dialogs = TestContent.CopyDialogs();
        File.AppendAllText(Path.Combine(dialogs, "topics.yaml"), "  - id: [broken\n");

        Assert.Equal(1, Verbs.Run(["ask", "--dialogs", dialogs, "bonjour"]));
    }

    [Theory]
    [InlineData("missing.jsonl")]
    [InlineData("malformed.jsonl")]
    public void Eval_AMissingOrMalformedFile_ExitsWithAReason(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + name);
        if (name.StartsWith("malformed", StringComparison.Ordinal)) File.WriteAllText(path, "{\"id\": 1\n");

        Assert.Equal(2, EvalCommand.Run(Options.Parse(["--dialogs", TestContent.DialogsFolder, path]), TextWriter.Null));
        Assert.Equal(2, EvalCommand.Run(Options.Parse(["--dialogs", TestContent.DialogsFolder, "--help"]), TextWriter.Null));
    }
}
