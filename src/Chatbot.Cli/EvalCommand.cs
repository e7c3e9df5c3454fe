using Chatbot.Core.Content;
using Chatbot.Core.Conversation;
using Chatbot.Core.Evaluation;

namespace Chatbot.Cli;

/// <summary><c>chatbot eval FILE</c>: how well the bot understands a labelled set, split by split.</summary>
public static class EvalCommand
{
    public static int Run(Options options, TextWriter output)
    {
        if (options.Arguments is not [var file] || file.StartsWith("--", StringComparison.Ordinal)) return Options.Usage(Console.Error);
        IReadOnlyList<LabelledConversation> set;
        try
        {
            set = LabelledSet.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // A missing file or a malformed line: say which, no stack trace.
            Console.Error.WriteLine($"chatbot eval: {e.Message}");
            return 2;
        }
        var content = ContentLoader.Load(options.DialogsFolder);
        if (options.CrossValidate || options.Cold)
        {
            var folds = options.Cold ? CrossValidation.Cold(content, set, options.DialogsFolder) : CrossValidation.Run(content, set, options.DialogsFolder);
            Print(folds, output);
            if (options.Mistakes) foreach (var line in Mistakes(folds, "dev")) output.WriteLine(line);
            return 0;
        }
        var assistant = new Assistant(content);
        if (options.Split is { } only) set = set.Where(c => c.Split == only).ToList();
        var report = Evaluator.Run(assistant, set, options.DialogsFolder);
        Print(report, output);
        if (options.Mistakes) foreach (var line in Mistakes(report, "dev")) output.WriteLine(line);
        if (options.Check && !report.Turns.Any(t => t.Split == "heldout"))
        {
            // --check on a set without a held-out split would pass having checked nothing.
            output.WriteLine("MISSED: no held-out split in this set, no target checked");
            return 1;
        }
        var missed = report.MissedTargets();
        foreach (var miss in missed) output.WriteLine("MISSED: " + miss);
        return options.Check && missed.Count > 0 ? 1 : 0;
    }

    public static void Print(EvalReport report, TextWriter output)
    {
        var splits = report.Turns.Select(t => t.Split).Distinct().Order().ToList();
        var languages = report.Turns.Select(t => t.Language).Distinct().Order().ToList();
        output.WriteLine($"{report.Turns.Count} turns ({string.Join(", ", splits.Select(s => $"{s}: {report.Split(s).Count()}"))})");
        output.WriteLine();
        output.WriteLine($"{"split",-10}{"turns",7}{"topic acc",11}{string.Concat(languages.Select(l => $"{l,8}"))}{"red-flag recall",17}{"false alarms",14}{"false esc.",12}{"procedure",11}");
        foreach (var split in splits.Append(null))
        {
            var turns = report.Split(split).ToList();
            output.WriteLine($"{split ?? "all",-10}{turns.Count,7}{EvalReport.Accuracy(turns),11:P1}" +
                string.Concat(languages.Select(l => $"{report.AccuracyFor(split, l),8:P1}")) +
                $"{report.RedFlagRecall(split),17:P1}{report.FalseAlarmRate(split),14:P2}{report.FalseEscalations(split),12}{report.ProcedureAccuracy(split),11:P1}");
        }
        PrintJudgement(report, splits, languages, output);
        output.WriteLine();
        output.WriteLine("Per topic (all splits):");
        foreach (var topic in report.Turns.GroupBy(t => t.Expected.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {topic.Key,-16}{topic.Count(),5}{EvalReport.Accuracy(topic),9:P1}");
        }
        output.WriteLine();
        output.WriteLine("Confusions (expected → predicted, all splits):");
        foreach (var (expected, predicted, count) in report.Confusions(null).Take(25))
        {
            output.WriteLine($"  {expected,-16} → {predicted,-16}{count,4}");
        }
        output.WriteLine();
        output.WriteLine($"Red-flag recall of the rules alone: {report.RuleRecall(null):P1} (all splits)");
        output.WriteLine($"Ungrounded citations: {report.UngroundedTurns.Count}; answers borrowing another procedure's statement: {report.BorrowedTurns.Count}");
        output.WriteLine($"Per-turn latency: p50 {report.LatencyPercentile(0.50):0} µs, p99 {report.LatencyPercentile(0.99):0} µs (single run, Stopwatch; see `chatbot bench` and BenchmarkDotNet for measurements)");
        // Only dev messages are shown: reading held-out failures would tune the content to them.
        foreach (var miss in report.Split("dev").Where(t => t.ExpectedEmergency && !t.RaisedEmergency))
            output.WriteLine($"  MISSED RED FLAG {miss.ConversationId}: {miss.Expected.Text}");
        foreach (var alarm in report.Split("dev").Where(t => !t.ExpectedEmergency && t.RaisedEmergency))
            output.WriteLine($"  FALSE ALARM {alarm.ConversationId} ({alarm.Actual.RedFlag ?? "classifier"}): {alarm.Expected.Text}");
    }

    /// <summary>What the patient needed, on turns labelled with a decision (tests/eval/situations-*).</summary>
    private static void PrintJudgement(EvalReport report, List<string> splits, List<string> languages, TextWriter output)
    {
        if (!report.Turns.Labelled().Any()) return;
        output.WriteLine();
        output.WriteLine($"{"judgement",-10}{"turns",7}{"decision",10}{string.Concat(languages.Select(l => $"{l,8}"))}" +
            $"{"crisis",9}{"personal",10}{"precision",11}{"false offers",14}{"passages",10}{"needless clarify",18}");
        foreach (var split in splits.Append(null))
        {
            var turns = report.Split(split).Labelled().ToList();
            output.WriteLine($"{split ?? "all",-10}{turns.Count,7}{Judgement.DecisionAccuracy(turns),10:P1}" +
                string.Concat(languages.Select(l => $"{Judgement.DecisionAccuracy(turns.Where(t => t.Language == l)),8:P1}")) +
                $"{Judgement.CrisisRecall(turns),9:P0}{Judgement.PersonalFactorRecall(turns),10:P1}{Judgement.PrecisionGapRecall(turns),11:P1}" +
                $"{Judgement.FalseOffers(turns),14:P1}{Judgement.PassageAccuracy(turns),10:P1}{Judgement.NeedlessClarifications(turns),18}");
        }
    }

    /// <summary>Mistakes one per line, for tuning content on the dev split (never on the held-out one).</summary>
    public static IEnumerable<string> Mistakes(EvalReport report, string split) =>
        report.Split(split).Labelled().Where(t => !t.DecisionCorrect() || t.Expected.Passages is { Count: > 0 } && !t.PassagesQuoted())
            .Select(t => $"{t.ConversationId}\tdecision {t.Expected.Decision}/{t.Expected.Reason} → {Judgement.KindOf(t.Decided)}/" +
                $"{t.Actual.Escalation?.Reason}{(t.Expected.Passages is { Count: > 0 } && !t.PassagesQuoted() ? " (passage missed)" : "")}\t{t.Expected.Text}")
            .Concat(report.Split(split).Where(t => !t.TopicCorrect)
            .Select(t => $"{t.ConversationId}\t{t.Expected.Topic} → {t.Actual.Topic} ({t.Actual.Confidence:0.00})\t{t.Expected.Text}")
            .Concat(report.Split(split).Where(t => t.Expected.Procedure is not null && t.Expected.Procedure != t.Actual.Procedure)
                .Select(t => $"{t.ConversationId}\tprocedure {t.Expected.Procedure} → {t.Actual.Procedure ?? "none"}\t{t.Expected.Text}")));

}
