using Chatbot.Core.Evaluation;

namespace Chatbot.Core.Tests.Evaluation;

/// <summary>
/// tests/eval/situations-*.jsonl: conversations labelled with what the patient needed (issue 20), written
/// blind — the held-out file by a writer who saw neither the other files nor the bot's mistakes.
/// </summary>
public sealed class SituationsFixture
{
    public SituationsFixture()
    {
        var folder = Path.Combine(TestContent.RepositoryRoot, "tests", "eval");
        Set = [.. new[] { "situations-dev.jsonl", "situations-safety.jsonl", "situations-heldout.jsonl" }
            .SelectMany(f => LabelledSet.Read(Path.Combine(folder, f)))];
        Report = Evaluator.Run(TestContent.Assistant, Set, TestContent.DialogsFolder);
    }

    public IReadOnlyList<LabelledConversation> Set { get; }

    public EvalReport Report { get; }
}

public class JudgementTargetTests(SituationsFixture eval) : IClassFixture<SituationsFixture>
{
    [Fact]
    public void EveryTurn_IsLabelledWithADecision_AndTheHeldOutPartIsAThirdOrMore()
    {
        Assert.All(eval.Set.SelectMany(c => c.Turns), t => Assert.NotNull(t.Decision));
        Assert.InRange(eval.Set.Count(c => c.Split == "heldout") / (double)eval.Set.Count, 0.33, 0.6);
    }

    [Fact]
    public void HeldOutSituations_AreNeverTrainingExamples()
    {
        var examples = TestContent.Content.Examples.Select(e => e.Text.Trim()).ToHashSet(StringComparer.Ordinal);
        var learnt = eval.Set.Where(c => c.Split == "heldout").SelectMany(c => c.Turns).Select(t => t.Text.Trim());
        Assert.DoesNotContain(learnt, examples.Contains);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("heldout")]
    public void EveryCrisisAndRedFlag_IsRaised_InEveryLanguage(string split)
    {
        Assert.Equal(1.0, eval.Report.RedFlagRecall(split));
        Assert.Equal(1.0, Judgement.CrisisRecall(eval.Report.Split(split)));
        Assert.InRange(eval.Report.FalseAlarmRate(split), 0, EvalReport.MaxFalseAlarmRate);
    }

    [Fact]
    public void HeldOut_PlainQuestions_RarelyGetAReflexOffer() =>
        Assert.InRange(Judgement.FalseOffers(eval.Report.Split("heldout")), 0, Judgement.MaxFalseOffers);

    [Fact]
    public void HeldOut_APersonalFactor_AlwaysGetsTheTeamOffered() =>
        Assert.Equal(1.0, Judgement.PersonalFactorRecall(eval.Report.Split("heldout")));

    [Fact]
    public void EveryCitation_IsVerbatim_AndNeverBorrowedFromAnotherProcedure()
    {
        Assert.Empty(eval.Report.UngroundedTurns);
        Assert.Empty(eval.Report.BorrowedTurns);
    }
}
