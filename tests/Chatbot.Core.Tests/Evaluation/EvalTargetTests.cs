using Chatbot.Core.Evaluation;

namespace Chatbot.Core.Tests.Evaluation;

/// <summary>The labelled set, run once: the build fails when the bot gets less safe or less accurate.</summary>
public sealed class EvalFixture
{
    public EvalFixture()
    {
        Set = LabelledSet.Read(Path.Combine(TestContent.RepositoryRoot, "tests", "eval", "messages.jsonl"));
        Report = Evaluator.Run(TestContent.Assistant, Set, TestContent.DialogsFolder);
    }

    public IReadOnlyList<LabelledConversation> Set { get; }

    public EvalReport Report { get; }
}

public class EvalTargetTests(EvalFixture eval) : IClassFixture<EvalFixture>
{
    [Fact]
    public void LabelledSet_IsLargeEnough_WithAThirdHeldOut()
    {
        Assert.True(eval.Set.Count >= 400);
        Assert.InRange(eval.Set.Count(c => c.Split == "heldout") / (double)eval.Set.Count, 0.33, 0.5);
        Assert.All(new[] { "fr", "it", "en" }, l => Assert.True(eval.Set.Count(c => c.Language == l) >= 100));
    }

    [Fact]
    public void HeldOutMessages_AreNeverTrainingExamples()
    {
        var examples = TrainingTexts();
        var leaked = eval.Set.Where(c => c.Split == "heldout").SelectMany(c => c.Turns).Where(t => examples.Contains(t.Text.Trim())).ToList();
        Assert.Empty(leaked);
    }

    /// <summary>tests/eval/blind.jsonl was written by people who saw no example; it measures only while nothing learns from it.</summary>
    [Fact]
    public void BlindMessages_AreNeverTrainingExamples()
    {
        var examples = TrainingTexts();
        var blind = LabelledSet.Read(Path.Combine(TestContent.RepositoryRoot, "tests", "eval", "blind.jsonl"));
        Assert.True(blind.Sum(c => c.Turns.Count) >= 600);
        var learnt = blind.SelectMany(c => c.Turns).Where(t => examples.Contains(t.Text.Trim())).ToList();
        Assert.Empty(learnt);
    }

    private static HashSet<string> TrainingTexts() => TestContent.Content.Examples.Select(e => e.Text.Trim()).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void HeldOut_EveryRedFlagIsRaised()
    {
        Assert.Equal(1.0, eval.Report.RedFlagRecall("heldout"));
        Assert.Equal(1.0, eval.Report.RedFlagRecall("dev"));
    }

    [Fact]
    public void HeldOut_EmergencyFalseAlarms_AtMostOnePercent()
    {
        Assert.InRange(eval.Report.FalseAlarmRate("heldout"), 0, EvalReport.MaxFalseAlarmRate);
    }

    [Fact]
    public void EveryCitation_IsVerbatimInItsSource_AndNeverBorrowedFromAnotherProcedure()
    {
        Assert.Empty(eval.Report.UngroundedTurns);
        Assert.Empty(eval.Report.BorrowedTurns);
        Assert.Contains(eval.Report.Turns, t => t.Actual.Citations.Count > 0);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("it")]
    [InlineData("en")]
    public void HeldOut_TopicAccuracy_MeetsTheTarget_InEachLanguage(string language)
    {
        // The target, not a floor under today's figure: English is at 65 of 68, so one
        // message lost fails the build (docs/performance.md).
        var accuracy = eval.Report.AccuracyFor("heldout", language);
        Assert.True(accuracy >= EvalReport.TargetAccuracy, $"held-out topic accuracy in {language}: {accuracy:P1} (target {EvalReport.TargetAccuracy:P0})");
    }
}
