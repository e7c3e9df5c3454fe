using YamlDotNet.RepresentationModel;

namespace Chatbot.Core.Content;

/// <summary>
/// Reads <c>dialogs/redflags/*.yaml</c>: emergency rules, or crisis rules in a file whose <c>kind</c> is
/// <c>crisis</c>. A term that could never match is an error with its line, not a rule silently dead.
/// </summary>
internal static class RedFlagReader
{
    public const string Emergency = "emergency";
    public const string Crisis = "crisis";

    public static IEnumerable<RedFlagRule> Read(YamlFile file)
    {
        if (file.Root is not { } root || file.Text(root, "language") is not { } language) yield break;
        var kind = file.Text(root, "kind", required: false) ?? Emergency;
        if (kind is not (Emergency or Crisis))
        {
            file.Error(YamlFile.Node(root, "kind"), $"kind '{kind}' is not one of {Emergency}, {Crisis}");
            yield break;
        }
        foreach (var rule in file.Seq(root, "rules")?.OfType<YamlMappingNode>() ?? [])
        {
            var id = file.Text(rule, "id");
            var groups = file.Seq(rule, "all")?.Select(g => file.TextsOf(g, "all")).ToList();
            if (id is null || groups is null) continue;
            if (groups.Count == 0 || groups.Any(g => g.Count == 0))
            {
                file.Error(rule, $"red flag '{id}' has an empty group");
            }
            else if (CheckTerms(file, rule, id)) yield return new RedFlagRule(id, language, groups)
            {
                IsCrisis = kind == Crisis,
                File = file.Name,
                Line = YamlFile.LineOf(rule),
            };
        }
    }

    /// <summary>Reports each term that could never match; false if there was one.</summary>
    private static bool CheckTerms(YamlFile file, YamlMappingNode rule, string id)
    {
        var ok = true;
        var groups = (YamlFile.Node(rule, "all") as YamlSequenceNode)?.OfType<YamlSequenceNode>() ?? [];
        foreach (var term in groups.SelectMany(g => g).OfType<YamlScalarNode>())
        {
            if (Problem(term.Value ?? "") is not { } reason) continue;
            file.Error(term, $"red flag '{id}': term '{term.Value}' {reason}");
            ok = false;
        }
        return ok;
    }

    /// <summary>Why a term could never match: no word at all, or a '*' that does not end a word ("saign*").</summary>
    private static string? Problem(string term)
    {
        if (!term.Any(char.IsLetterOrDigit)) return "has no word";
        for (var i = 0; i < term.Length; i++)
        {
            if (term[i] != '*') continue;
            var endsWord = i > 0 && char.IsLetterOrDigit(term[i - 1])
                && (i + 1 == term.Length || !char.IsLetterOrDigit(term[i + 1]));
            if (!endsWord) return "has a '*' that does not end a word (write it as in \"saign*\")";
        }
        return null;
    }
}
