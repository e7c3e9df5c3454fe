namespace Chatbot.Core.Evaluation;

/// <summary>The figures of an evaluation run, per split, with the targets the build enforces.</summary>
public sealed record EvalReport(IReadOnlyList<EvaluatedTurn> Turns, IReadOnlyList<EvaluatedTurn> UngroundedTurns, IReadOnlyList<EvaluatedTurn> BorrowedTurns)
{
    public const double TargetAccuracy = 0.95;
    public const double MaxFalseAlarmRate = 0.01;

    public IEnumerable<EvaluatedTurn> Split(string? split) => split is null ? Turns : Turns.Where(t => t.Split == split);

    public static double Accuracy(IEnumerable<EvaluatedTurn> turns) => Rate(turns, t => t.TopicCorrect);

    public double AccuracyFor(string? split, string language) => Accuracy(Split(split).Where(t => t.Language == language));

    /// <summary>Share of real emergencies the bot raised as emergencies.</summary>
    public double RedFlagRecall(string? split) => Rate(Split(split).Where(t => t.ExpectedEmergency), t => t.RaisedEmergency);

    /// <summary>Share of real emergencies caught by the red-flag rules alone (the classifier is a second net).</summary>
    public double RuleRecall(string? split) => Rate(Split(split).Where(t => t.ExpectedEmergency), t => t.Actual.RedFlag is not null);

    /// <summary>Share of non-emergencies the bot raised as emergencies.</summary>
    public double FalseAlarmRate(string? split) => Rate(Split(split).Where(t => !t.ExpectedEmergency), t => t.RaisedEmergency, none: 0);

    public int FalseEscalations(string? split) => Split(split).Count(t => t.FalseEscalation);

    public double ProcedureAccuracy(string? split) =>
        Rate(Split(split).Where(t => t.Expected.Procedure is not null), t => t.Actual.Procedure == t.Expected.Procedure);

    public double LatencyPercentile(double percentile)
    {
        var sorted = Turns.Select(t => t.Microseconds).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(percentile * sorted.Count) - 1)];
    }

    /// <summary>expected → predicted → count, only for mistakes.</summary>
    public IEnumerable<(string Expected, string Predicted, int Count)> Confusions(string? split) =>
        Split(split).Where(t => !t.TopicCorrect)
            .GroupBy(t => (t.Expected.Topic, t.Actual.Topic))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Count()))
            .OrderByDescending(c => c.Item3);

    /// <summary>What the held-out split misses of the targets; empty when every target is met or the set has no such split.</summary>
    public IReadOnlyList<string> MissedTargets(string split = "heldout")
    {
        var missed = new List<string>();
        foreach (var language in Split(split).Select(t => t.Language).Distinct().Order())
        {
            var accuracy = AccuracyFor(split, language);
            if (accuracy < TargetAccuracy) missed.Add($"{split} topic accuracy in {language} is {accuracy:P1}, target {TargetAccuracy:P0}");
        }
        if (RedFlagRecall(split) < 1) missed.Add($"{split} red-flag recall is {RedFlagRecall(split):P1}, target 100%");
        if (FalseAlarmRate(split) > MaxFalseAlarmRate) missed.Add($"{split} emergency false alarms {FalseAlarmRate(split):P1}, target ≤ {MaxFalseAlarmRate:P0}");
        missed.AddRange(MissedJudgement(split));
        if (UngroundedTurns.Count > 0) missed.Add($"{UngroundedTurns.Count} answers with ungrounded citations");
        if (BorrowedTurns.Count > 0) missed.Add($"{BorrowedTurns.Count} answers borrowing another procedure's statement");
        return missed;
    }

    /// <summary>The judgement targets, on turns labelled with a decision (none in sets without).</summary>
    private IEnumerable<string> MissedJudgement(string split)
    {
        var labelled = Split(split).Labelled().ToList();
        if (labelled.Count == 0) yield break;
        foreach (var language in labelled.Select(t => t.Language).Distinct().Order())
        {
            var accuracy = Judgement.DecisionAccuracy(labelled.Where(t => t.Language == language));
            if (accuracy < Judgement.TargetDecisionAccuracy) yield return $"{split} decision accuracy in {language} is {accuracy:P1}, target 95%";
        }
        if (Judgement.CrisisRecall(labelled) < 1) yield return $"{split} crisis recall is {Judgement.CrisisRecall(labelled):P1}, target 100%";
        if (Judgement.FalseOffers(labelled) > Judgement.MaxFalseOffers) yield return $"{split} plain-question false offers {Judgement.FalseOffers(labelled):P1}, target ≤ 5%";
        if (Judgement.PassageAccuracy(labelled) < Judgement.TargetPassageAccuracy) yield return $"{split} passage accuracy {Judgement.PassageAccuracy(labelled):P1}, target 95%";
        if (Judgement.NeedlessClarifications(labelled) > 0) yield return $"{split}: {Judgement.NeedlessClarifications(labelled)} clarifications with the procedure known";
    }

    /// <param name="none">The rate when there are no turns: 1 for a share right, 0 for a share wrong.</param>
    private static double Rate(IEnumerable<EvaluatedTurn> turns, Func<EvaluatedTurn, bool> ok, double none = 1)
    {
        var list = turns.ToList();
        return list.Count == 0 ? none : (double)list.Count(ok) / list.Count;
    }
}
