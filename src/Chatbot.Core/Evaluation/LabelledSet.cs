using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.Core.Evaluation;

/// <summary>One labelled conversation of the evaluation set (a JSON line).</summary>
public sealed record LabelledConversation(string Id, string Split, string Language, IReadOnlyList<LabelledTurn> Turns);

/// <summary>A patient message and what the bot should make of it.</summary>
/// <param name="Decision">answer, answer_and_offer, clarify, escalate, emergency or smalltalk; null when not labelled.</param>
/// <param name="Reason">Why the team is offered or needed: medical_advice or unanswered.</param>
/// <param name="Passages">Fragments of the sentences that answer the question: each must be among the quotes.</param>
public sealed record LabelledTurn(
    string Text, string Topic, string? Procedure,
    string? Decision = null, string? Reason = null, IReadOnlyList<string>? Passages = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LabelledConversation))]
internal sealed partial class LabelledSetJson : JsonSerializerContext;

public static class LabelledSet
{
    /// <summary>Reads a JSON Lines file; a malformed line is reported with its number.</summary>
    public static IReadOnlyList<LabelledConversation> Read(string path)
    {
        var conversations = new List<LabelledConversation>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var item = JsonSerializer.Deserialize(line, LabelledSetJson.Default.LabelledConversation);
                if (item is null || item.Turns is not { Count: > 0 }) throw new JsonException("no turns");
                conversations.Add(item);
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{number}: {e.Message}", e);
            }
        }
        return conversations;
    }
}
