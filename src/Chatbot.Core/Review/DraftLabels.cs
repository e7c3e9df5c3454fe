using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chatbot.Core.Evaluation;

namespace Chatbot.Core.Review;

/// <summary>
/// What the bot made of a kept question, beside the draft label: the editor reads it, corrects
/// <c>topic</c> and <c>procedure</c> of the turn (and may add <c>decision</c>), and can leave it or delete it —
/// <c>chatbot eval</c> reads the line as any labelled conversation.
/// </summary>
public sealed record DraftNote(
    string Reason, string TopicGuess, double Confidence, IReadOnlyList<string> SnippetIds, DateTimeOffset At);

/// <summary>A line of the draft set: a labelled conversation of one turn, and the note it was drafted from.</summary>
public sealed record DraftConversation(
    string Id, string Split, string Language, IReadOnlyList<LabelledTurn> Turns, DraftNote Review);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DraftConversation))]
internal sealed partial class DraftJson : JsonSerializerContext;

/// <summary>
/// The review loop's two conversions, as text: kept questions to a draft labelled set (the format of
/// tests/eval/*.jsonl), and a completed set to examples for <c>dialogs/intents/</c>.
/// </summary>
public static class DraftLabels
{
    /// <summary>One JSON line per question, oldest first; the label is the bot's guess until an editor corrects it.</summary>
    public static IEnumerable<string> Lines(IEnumerable<ReviewEntry> entries) =>
        entries.OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => JsonSerializer.Serialize(
            new DraftConversation(
                "review-" + e.Id, "dev", e.Language, [new LabelledTurn(e.Question, e.Topic, e.Procedure)],
                new DraftNote(e.Reason, e.Topic, e.Confidence, e.SnippetIds, e.At)),
            DraftJson.Default.DraftConversation));

    /// <summary>
    /// An intents file per language (<c>language</c>, then <c>examples</c> by topic) holding the completed
    /// questions: added to <c>dialogs/intents/</c>, the bot learns them at its next start.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Examples(IEnumerable<LabelledConversation> completed)
    {
        var files = new Dictionary<string, string>();
        foreach (var language in completed.GroupBy(c => c.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var yaml = new StringBuilder($"language: {language.Key}\n# Questions patients asked, labelled by an editor (chatbot review).\nexamples:\n");
            foreach (var topic in language.SelectMany(c => c.Turns).Where(t => t.Text.Length > 0)
                .GroupBy(t => t.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                yaml.Append("  ").Append(topic.Key).Append(":\n");
                foreach (var text in topic.Select(t => t.Text).Distinct()) yaml.Append("    - ").Append(Quoted(text)).Append('\n');
            }
            files[language.Key] = yaml.ToString();
        }
        return files;
    }

    /// <summary>A YAML double-quoted scalar: a question may hold ':' '#' or quotes.</summary>
    private static string Quoted(string text) =>
        "\"" + text.ReplaceLineEndings(" ").Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
