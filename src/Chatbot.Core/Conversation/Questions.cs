using Chatbot.Core.Content;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Conversation;

/// <summary>
/// "Il sera endormi ? il reste combien de temps ? et c'est remboursé ?": the questions of one message,
/// each with its topic, in the patient's order, so that each gets its own quotes.
/// </summary>
public sealed class Questions(Understander understander, ChatContent content)
{
    /// <summary>A phone screen holds about this many answers; more are left for the next message.</summary>
    public const int MaxPerMessage = 3;

    /// <summary>The message's questions on different answer topics; one (the message's) when it asks one.</summary>
    public IReadOnlyList<(string Topic, IReadOnlyList<Token> Words)> Of(TurnContext turn)
    {
        IReadOnlyList<(string, IReadOnlyList<Token>)> one = [(turn.Topic, turn.Question)];
        // Only what ends with a question mark is a question: "sorry if this is a dumb question" is not one.
        var parts = turn.Text.Split('?').SkipLast(1).Select(p => p.Trim())
            .Where(p => p.Count(char.IsLetter) >= 8).ToList();
        if (parts.Count < 2) return one;
        var found = new List<(string Topic, IReadOnlyList<Token> Words)>();
        foreach (var part in parts)
        {
            var heard = understander.Understand(part, null, turn.Language, null);
            var (topic, confidence) = heard.Topic;
            var isAnswer = confidence >= Assistant.MinConfidence && content.FindTopic(topic)?.Kind == TopicKind.Answer;
            if (isAnswer && !found.Exists(f => f.Topic == topic)) found.Add((topic, heard.Tokens));
        }
        return found.Count >= 2 ? found.Take(MaxPerMessage).ToList() : one;
    }
}
