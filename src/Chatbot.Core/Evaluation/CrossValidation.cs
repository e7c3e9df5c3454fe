using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

namespace Chatbot.Core.Evaluation;

/// <summary>
/// Topic accuracy on the dev split by k-fold cross-validation: each fold is scored by a model trained
/// without that fold's messages. Since the dev messages are also training examples, this is the
/// honest yardstick for tuning, and leaves the held-out split untouched.
/// </summary>
public static class CrossValidation
{
    public static EvalReport Run(ChatContent content, IReadOnlyList<LabelledConversation> set, string dialogsFolder, int folds = 5)
    {
        var dev = set.Where(c => c.Split == "dev").ToList();
        var turns = new List<EvaluatedTurn>();
        for (var fold = 0; fold < folds; fold++)
        {
            var testing = dev.Where((_, i) => i % folds == fold).ToList();
            var held = testing.SelectMany(c => c.Turns).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
            var trained = content with { Examples = content.Examples.Where(e => !held.Contains(e.Text)).ToList() };
            turns.AddRange(Evaluator.Run(new Assistant(trained), testing, dialogsFolder).Turns);
        }
        return new EvalReport(turns, [], []);
    }

    /// <summary>
    /// The dev split scored by a model that never saw a dev message, nor the contrast examples written
    /// after reading dev mistakes: further from the dev set than <see cref="Run"/>, so it still tells
    /// models apart once cross-validation saturates.
    /// </summary>
    public static EvalReport Cold(ChatContent content, IReadOnlyList<LabelledConversation> set, string dialogsFolder)
    {
        var dev = set.Where(c => c.Split == "dev").ToList();
        var seen = dev.SelectMany(c => c.Turns).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var trained = content with
        {
            Examples = content.Examples.Where(e => !seen.Contains(e.Text) && !Path.GetFileName(e.File).Contains("-contrasts", StringComparison.Ordinal)).ToList(),
        };
        return Evaluator.Run(new Assistant(trained), dev, dialogsFolder);
    }
}
