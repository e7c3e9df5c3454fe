using System.Diagnostics;
using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

namespace Chatbot.Core.Evaluation;

/// <summary>One evaluated turn: what was expected, what the bot did, how long it took.</summary>
public sealed record EvaluatedTurn(
    string ConversationId, string Split, string Language, LabelledTurn Expected, TurnResult Actual, double Microseconds)
{
    /// <summary>The bot's decision, typed (<see cref="Judgement.KindOf"/> names it as the labels do).</summary>
    public Decision? Decided { get; init; }

    public bool TopicCorrect => Expected.Topic == Actual.Topic;

    /// <summary>An emergency or a crisis: both must get the numbers and an escalation at once.</summary>
    public bool ExpectedEmergency => Expected.Topic is "emergency" or "crisis";

    public bool RaisedEmergency => Actual.Escalation?.Reason == EscalationReasons.Emergency;

    /// <summary>An escalation created for a message that needed no person.</summary>
    public bool FalseEscalation =>
        Actual.Escalation?.Status == "created" && Expected.Topic is not ("emergency" or "crisis" or "human" or "medical_advice");
}

/// <summary>Runs a labelled set through the assistant, each conversation from a fresh state.</summary>
public static class Evaluator
{
    public static EvalReport Run(Assistant assistant, IReadOnlyList<LabelledConversation> set, string dialogsFolder)
    {
        var turns = new List<EvaluatedTurn>();
        foreach (var conversation in set)
        {
            var state = ConversationState.New;
            foreach (var labelled in conversation.Turns)
            {
                var clock = Stopwatch.GetTimestamp();
                var turn = assistant.Reply(state, labelled.Text);
                var elapsed = Stopwatch.GetElapsedTime(clock).TotalMicroseconds;
                turns.Add(new EvaluatedTurn(conversation.Id, conversation.Split, conversation.Language, labelled, turn.Result, elapsed)
                    { Decided = turn.Decision });
                state = turn.State;
            }
        }
        var sources = SourceTexts(assistant.Content, dialogsFolder);
        return new EvalReport(turns, Ungrounded(turns, sources), Borrowed(turns, assistant.Content));
    }

    /// <summary>Citations whose quote is not, verbatim, in the source file of its document.</summary>
    private static List<EvaluatedTurn> Ungrounded(List<EvaluatedTurn> turns, Dictionary<string, string> sources) =>
        turns.Where(t => t.Actual.Citations.Any(c => !sources.TryGetValue(c.DocumentId, out var source) || !source.Contains(c.Quote, StringComparison.Ordinal)))
            .ToList();

    /// <summary>Answers quoting a document that does not cover the procedure the answer is about.</summary>
    private static List<EvaluatedTurn> Borrowed(List<EvaluatedTurn> turns, ChatContent content) =>
        turns.Where(t => t.Actual.Citations.Count > 0 && (t.Actual.Procedure is not { } procedure
                || t.Actual.Citations.Any(c => content.Documents.First(d => d.Id == c.DocumentId).Procedures.Contains(procedure) is false)))
            .ToList();

    private static Dictionary<string, string> SourceTexts(ChatContent content, string folder) =>
        content.Documents.ToDictionary(d => d.Id, d => Whitespace.Collapse(File.ReadAllText(Path.Combine(folder, "sources", d.SourceFile))));
}
