using Chatbot.Core.Content;

namespace Chatbot.Core.Tests.Content;

/// <summary>A malformed red-flag or crisis rule fails <c>chatbot validate</c> with its file, line and reason.</summary>
public class RedFlagValidationTests
{
    [Theory]
    [InlineData("\"veux mourir\", ", "\"veux mourir\", \"***\", ", "has no word")]
    [InlineData("\"veux mourir\", ", "\"veux *mourir\", ", "does not end a word")]
    [InlineData("\"veux mourir\", ", "\"veux mou*rir\", ", "does not end a word")]
    [InlineData("\"veux mourir\", ", "\"jveux mourir\", ", "messages read 'jveux' as 'je veux'")]
    [InlineData("  - id: self_harm", "  - id: fever", "'fever' is defined twice for fr")]
    [InlineData("kind: crisis", "kind: crises", "kind 'crises' is not one of emergency, crisis")]
    public void MalformedCrisisRule_FailsWithFileLineAndReason(string find, string replace, string reason)
    {
        var dialogs = TestContent.CopyDialogs();
        var file = Path.Combine(dialogs, "redflags", "fr-crisis.yaml");
        var text = File.ReadAllText(file);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(find, replace, StringComparison.Ordinal));
        var written = replace.Trim(' ', ',');
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains(written, StringComparison.Ordinal)) + 1;

        var (_, errors) = ContentLoader.LoadWithErrors(dialogs);

        var error = Assert.Single(errors, e =>
            e.File == "dialogs/redflags/fr-crisis.yaml" && e.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.True(error.Line > 0, error.ToString());
        // A term is named at its own line; a rule-level problem at its rule, at most a few lines above.
        Assert.InRange(error.Line, line - 6, line);
    }

    [Fact]
    public void EmptyGroup_InARule_IsReported()
    {
        var dialogs = TestContent.CopyDialogs();
        var file = Path.Combine(dialogs, "redflags", "it-crisis.yaml");
        File.AppendAllText(file, "  - id: empty\n    all:\n      - []\n");

        var (_, errors) = ContentLoader.LoadWithErrors(dialogs);

        Assert.Contains(errors, e => e.File == "dialogs/redflags/it-crisis.yaml"
            && e.Reason.Contains("'empty' has an empty group", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedRules_HaveCrisisRulesInEveryLanguage_AndACrisisTopic()
    {
        var rules = TestContent.Content.RedFlags;
        Assert.All(ChatContent.SupportedLanguages, l => Assert.Contains(rules, r => r.Language == l && r.IsCrisis));
        Assert.Equal(TopicKind.Crisis, TestContent.Content.FindTopic("crisis")?.Kind);
    }
}
