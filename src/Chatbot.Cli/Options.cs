namespace Chatbot.Cli;

/// <summary>The few options the verbs share; anything not an option is an argument.</summary>
public sealed record Options(string DialogsFolder, bool Json, bool Check, string? Split, IReadOnlyList<string> Arguments)
{
    /// <summary>Print the mistakes of the dev split (tuning content; never look at the held-out ones).</summary>
    public bool Mistakes { get; init; }

    /// <summary>Cross-validate on the dev split instead of scoring both splits.</summary>
    public bool CrossValidate { get; init; }

    /// <summary>Score the dev split with a model trained without it (nor the contrasts written from it).</summary>
    public bool Cold { get; init; }

    public static Options Parse(string[] args)
    {
        string? dialogs = null;
        var json = false;
        var check = false;
        var mistakes = false;
        var crossValidate = false;
        var cold = false;
        string? split = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dialogs" when i + 1 < args.Length: dialogs = args[++i]; break;
                case "--split" when i + 1 < args.Length: split = args[++i]; break;
                case "--json": json = true; break;
                case "--check": check = true; break;
                case "--mistakes": mistakes = true; break;
                case "--cv": crossValidate = true; break;
                case "--cold": cold = true; break;
                default: rest.Add(args[i]); break;
            }
        }
        return new Options(dialogs ?? FindDialogs(), json, check, split, rest) { Mistakes = mistakes, CrossValidate = crossValidate, Cold = cold };
    }

    /// <summary>CHATBOT_DIALOGS, else the nearest <c>dialogs/</c> above the working folder or the program.</summary>
    public static string FindDialogs()
    {
        if (Environment.GetEnvironmentVariable("CHATBOT_DIALOGS") is { Length: > 0 } configured) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "dialogs");
                if (File.Exists(Path.Combine(candidate, "topics.yaml"))) return candidate;
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "dialogs");
    }

    public static int Usage(TextWriter error)
    {
        error.WriteLine("""
            usage: chatbot <verb> [--dialogs FOLDER]
              validate                 check dialogs/: verbatim quotes, references, examples (exit 1 on errors)
              ask [--json] "question"  one answer; with no question, one question per line on stdin, one JSON line out
              chat                     an interactive conversation that keeps its state
              eval FILE [--split S] [--check] [--mistakes] [--cv | --cold]
                                       accuracy, red-flag recall, false alarms, grounding, latency;
                                       --check exits 1 when the held-out targets are missed;
                                       --cv cross-validates on dev; --cold scores dev with a model
                                       that never saw it (nor the contrasts written from it)
              bench                    content load time and per-turn latency (p50/p99)
              review export [--db FILE] [--out FILE] [--all]
                                       the questions kept for review (the bot's SQLite file) as a draft
                                       labelled set: correct each line's topic and procedure
              review examples FILE     a completed set as examples: dialogs/intents/LANG-NAME.yaml
              not-typos LANG WORDLIST  everyday words the typo corrector would turn into a red-flag term
            """);
        return 2;
    }
}
