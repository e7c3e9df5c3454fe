using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chatbot.Cli;
using Xunit.Abstractions;

namespace Chatbot.Functions.Tests.Review;

/// <summary>
/// The review loop, closed as an editor would: patients' questions the bot could not place, kept by the
/// running bot in its SQLite file, exported with <c>chatbot review export</c>, labelled, added to a copy
/// of dialogs/ with <c>chatbot review examples</c> — and <c>chatbot eval</c> shows the bot now places them,
/// without losing what it knew (the labelled set's held-out split).
/// </summary>
public sealed partial class ReviewLoopClosesTests(ITestOutputHelper output)
{
    /// <summary>What patients typed, in keywords or in passing: the bot guessed, and guessed wrong.</summary>
    private static readonly (string Text, string Locale)[] Unanswered =
    [
        ("vertebroplastie: jacuzzi", "fr-FR"), ("vertebroplastie: trampoline", "fr-FR"),
        ("vertebroplastie: tondeuse à gazon", "fr-FR"), ("vertebroplastie: moto", "fr-FR"),
        ("vertebroplastie: yoga", "fr-FR"), ("vertebroplastie: équitation", "fr-FR"),
        ("après la vertébroplastie, l'équitation ?", "fr-FR"), ("après la vertébroplastie, le bowling ?", "fr-FR"),
        ("after my vertebroplasty, a hot tub?", "en-GB"),
    ];

    [Fact]
    public async Task UnansweredQuestions_ExportedLabelledAndAddedAsExamples_AreThenUnderstood()
    {
        string database;
        await using (var bot = await BotHost.StartAsync())
        {
            for (var i = 0; i < Unanswered.Length; i++)
                await bot.ExpectRepliesAsync(Patient.Says(Unanswered[i].Text, $"conv-{i}", locale: Unanswered[i].Locale));
            database = Path.Combine(bot.DataFolder, "chatbot.db");
        }
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "chatbot-review-" + Guid.NewGuid().ToString("N"))).FullName;
        var draft = Path.Combine(work, "draft.jsonl");

        Assert.Equal(0, Review(["export", "--db", database, "--out", draft], Repository.Dialogs));

        var drafted = File.ReadAllLines(draft).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(Unanswered.Select(u => u.Text).Order(), drafted.Select(d => (string)d["turns"]![0]!["text"]!).Order());
        Assert.All(drafted, d => Assert.Contains((string)d["review"]!["reason"]!, new[] { "fallback", "low_confidence" }));
        // The editor: every one of them asks when an activity can be taken up again.
        var completed = Path.Combine(work, "review-2026-12.jsonl");
        File.WriteAllLines(completed, drafted.Select(d =>
        {
            d["turns"]![0]!["topic"] = "recovery";
            d["turns"]![0]!["procedure"] = "vertebral_cementoplasty";
            return d.ToJsonString();
        }));
        var before = TopicAccuracy(Eval(completed, Repository.Dialogs), "all");
        var dialogs = Repository.CopyOfDialogs();

        Assert.Equal(0, Review(["examples", completed], dialogs));

        Assert.True(File.Exists(Path.Combine(dialogs, "intents", "fr-review-2026-12.yaml")));
        Assert.True(File.Exists(Path.Combine(dialogs, "intents", "en-review-2026-12.yaml")));
        var after = TopicAccuracy(Eval(completed, dialogs), "all");
        // Questions the bot misplaced when they were asked: most still are, until the editor adds them.
        Assert.True(before <= 50, $"before: {before} %");
        Assert.True(after >= 90 && after - before >= 50, $"after: {after} % (before: {before} %)");
        var labelledSet = Path.Combine(Repository.Root, "tests", "eval", "messages.jsonl");
        var heldOutBefore = TopicAccuracy(Eval(labelledSet, Repository.Dialogs), "heldout");
        var heldOutAfter = TopicAccuracy(Eval(labelledSet, dialogs), "heldout");
        output.WriteLine($"kept questions: topic accuracy {before} % -> {after} %; held-out {heldOutBefore} % -> {heldOutAfter} %");
        // Any examples added move one held-out message of 243 either way (0.4 %): more than that is a regression.
        Assert.True(heldOutAfter >= heldOutBefore - 0.5, $"held-out topic accuracy {heldOutBefore} % -> {heldOutAfter} %");
    }

    private static int Review(string[] args, string dialogs) =>
        ReviewCommand.Run(Options.Parse(["--dialogs", dialogs, .. args]), TextWriter.Null, TextWriter.Null);

    private static string Eval(string file, string dialogs)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, EvalCommand.Run(Options.Parse(["--dialogs", dialogs, file]), output));
        return output.ToString();
    }

    /// <summary>The "topic acc" column of a split's row of <c>chatbot eval</c>'s table, in percent.</summary>
    private static double TopicAccuracy(string report, string split)
    {
        var row = SplitRow().Matches(report).Single(m => m.Groups["split"].Value == split);
        return double.Parse(row.Groups["accuracy"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<split>\w+)\s+\d+\s+(?<accuracy>[\d.,]+)\s?%", RegexOptions.Multiline)]
    private static partial Regex SplitRow();
}
