using System.Text.Json;
using Chatbot.Core.Content;
using Chatbot.Core.Evaluation;
using Chatbot.Core.Review;
using Microsoft.Data.Sqlite;

namespace Chatbot.Cli;

/// <summary>
/// <c>chatbot review</c>: the editors' side of the review loop. <c>export</c> turns the questions the bot
/// kept (masked) into a draft labelled set; the editor corrects it; <c>examples</c> adds it to
/// <c>dialogs/intents/</c>; <c>chatbot eval</c> on the same file shows the effect.
/// </summary>
public static class ReviewCommand
{
    public static int Run(Options options, TextWriter output, TextWriter error) => options.Arguments.ToArray() switch
    {
        ["export", .. var rest] => Export(rest, options, output, error),
        ["examples", var file] => Examples(file, options, error),
        _ => Options.Usage(error),
    };

    private static int Export(IReadOnlyList<string> args, Options options, TextWriter output, TextWriter error)
    {
        var database = Value(args, "--db") ?? DefaultDatabase(options.DialogsFolder);
        var outFile = Value(args, "--out");
        if (!File.Exists(database))
        {
            error.WriteLine($"chatbot review: no SQLite file at {database} (--db FILE)");
            return 2;
        }
        var entries = Read(database, withHandled: args.Contains("--all"));
        var lines = DraftLabels.Lines(entries).ToList();
        if (outFile is null) foreach (var line in lines) output.WriteLine(line);
        else File.WriteAllLines(outFile, lines);
        error.WriteLine($"{lines.Count} question(s) to label{(outFile is null ? "" : " in " + outFile)}: " +
            "correct each turn's topic and procedure, then `chatbot review examples FILE` and `chatbot eval FILE`.");
        return 0;
    }

    private static int Examples(string file, Options options, TextWriter error)
    {
        IReadOnlyList<LabelledConversation> completed;
        try
        {
            completed = LabelledSet.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            error.WriteLine($"chatbot review: {e.Message}");
            return 2;
        }
        var name = Path.GetFileNameWithoutExtension(file);
        var written = new List<string>();
        foreach (var (language, yaml) in DraftLabels.Examples(completed))
        {
            var path = Path.Combine(options.DialogsFolder, "intents", $"{language}-{name}.yaml");
            if (File.Exists(path))
            {
                // Never overwrite examples an editor already added: a new file name per batch.
                error.WriteLine($"chatbot review: {path} exists; rename the labelled file");
                return 2;
            }
            File.WriteAllText(path, yaml);
            written.Add(path);
        }
        ContentLoader.Load(options.DialogsFolder); // a topic that does not exist is named with its file and line
        error.WriteLine($"Examples added: {string.Join(", ", written)}. `chatbot validate`, then `chatbot eval {file}`.");
        return 0;
    }

    /// <summary>Read-only: the running bot may be writing to the file.</summary>
    private static List<ReviewEntry> Read(string database, bool withHandled)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly };
        using var sqlite = new SqliteConnection(connection.ToString());
        sqlite.Open();
        using var query = sqlite.CreateCommand();
        query.CommandText = "SELECT entry FROM review_entry" + (withHandled ? "" : " WHERE handled = 0");
        using var rows = query.ExecuteReader();
        var entries = new List<ReviewEntry>();
        while (rows.Read()) entries.Add(JsonSerializer.Deserialize(rows.GetString(0), ReviewJson.Default.ReviewEntry)!);
        return entries;
    }

    /// <summary><c>data/chatbot.db</c> here, else where <c>dotnet run</c> of the bot keeps it beside dialogs/.</summary>
    private static string DefaultDatabase(string dialogs)
    {
        var here = Path.Combine("data", "chatbot.db");
        if (File.Exists(here)) return here;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dialogs))!, "src", "Chatbot.Functions", "data", "chatbot.db");
    }

    private static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++) if (args[i] == name) return args[i + 1];
        return null;
    }
}
