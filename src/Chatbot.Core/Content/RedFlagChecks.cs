using Chatbot.Core.Understanding;

namespace Chatbot.Core.Content;

/// <summary>Cross-checks of the red-flag rules against the language files, with the rule's file and line.</summary>
internal static class RedFlagChecks
{
    public static IEnumerable<ContentError> Validate(ChatContent content)
    {
        // Each definition is named: the editor decides which one goes.
        foreach (var twice in content.RedFlags.GroupBy(r => (r.Language, r.Id)).Where(g => g.Count() > 1))
        {
            foreach (var rule in twice)
            {
                var reason = $"red flag '{rule.Id}' is defined twice for {rule.Language}";
                yield return new ContentError(rule.File, rule.Line, reason);
            }
        }
        foreach (var rule in content.RedFlags)
        {
            if (!content.Languages.TryGetValue(rule.Language, out var language)) continue;
            foreach (var term in rule.AllOf.SelectMany(g => g))
            {
                // Messages are read with SMS spellings expanded ("cant" -> "can not"): such a term never matches.
                // One letter is left out: "c" of "c'est" is elided, so kept as typed.
                var words = Tokeniser.Compile(term).Words;
                if (words.FirstOrDefault(w => w.Length > 1 && language.Sms.ContainsKey(w)) is not { } word) continue;
                var reason = $"red flag '{rule.Id}': term '{term}' never matches, "
                    + $"messages read '{word}' as '{language.Sms[word]}'";
                yield return new ContentError(rule.File, rule.Line, reason);
            }
        }
    }
}
