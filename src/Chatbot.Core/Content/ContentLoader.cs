using System.Security.Cryptography;
using YamlDotNet.RepresentationModel;

namespace Chatbot.Core.Content;

/// <summary>Loads <c>dialogs/</c> into immutable records, and refuses content that does not validate.</summary>
public static class ContentLoader
{
    /// <summary>Loads and validates; throws <see cref="ContentException"/> listing every error.</summary>
    public static ChatContent Load(string dialogsFolder)
    {
        var (content, errors) = LoadWithErrors(dialogsFolder);
        if (errors.Count > 0 || content is null) throw new ContentException(errors);
        return content;
    }

    /// <summary>Loads what can be loaded and returns every error found (for <c>chatbot validate</c>).</summary>
    public static (ChatContent? Content, IReadOnlyList<ContentError> Errors) LoadWithErrors(string dialogsFolder)
    {
        var errors = new List<ContentError>();
        if (!Directory.Exists(dialogsFolder))
        {
            errors.Add(new ContentError(dialogsFolder, 0, "the dialogs folder does not exist"));
            return (null, errors);
        }
        var files = new ContentFiles(dialogsFolder, errors);
        var topics = ReadTopics(files.Open("topics.yaml"));
        var (families, procedures) = ProcedureReader.Read(files.Open("procedures.yaml"));
        var documents = files.Each("documents").Select(DocumentReader.Read).OfType<SourceDocument>().ToList();
        var examples = files.Each("intents").SelectMany(LanguageFilesReader.ReadExamples).ToList();
        var replies = LanguageFilesReader.ReadReplies(files.Each("replies"));
        var redFlags = files.Each("redflags").SelectMany(RedFlagReader.Read).ToList();
        var (languages, foreign) = LanguageFilesReader.ReadLanguages(files.Each("language"));

        // A file that does not parse would make every reference to it an error (one missing bracket in
        // topics.yaml gave 5 700): the editor sees the syntax errors alone, then the rest once they parse.
        if (errors.Any(e => e.Reason.StartsWith(YamlFile.SyntaxError, StringComparison.Ordinal))) return (null, errors);
        var content = new ChatContent(
            Version(dialogsFolder), topics, families, procedures, documents, examples,
            replies, redFlags, languages, foreign);
        errors.AddRange(ContentValidator.Validate(content, dialogsFolder));
        return (content, errors);
    }

    private static List<Topic> ReadTopics(YamlFile file)
    {
        var topics = new List<Topic>();
        if (file.Root is null || file.Seq(file.Root, "topics") is not { } list) return topics;
        foreach (var node in list.OfType<YamlMappingNode>())
        {
            var id = file.Text(node, "id");
            var kindText = file.Text(node, "kind");
            var labels = file.Map(node, "labels") is { } map
                ? file.Entries(map).ToDictionary(e => e.Key, e => (e.Value as YamlScalarNode)?.Value ?? "")
                : new Dictionary<string, string>();
            if (!Enum.TryParse<TopicKind>(kindText?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var kind))
            {
                file.Error(node,
                    $"kind '{kindText}' is not one of answer, emergency, crisis, human, medical_advice, greeting, out_of_scope");
                continue;
            }
            if (id is null) continue;
            topics.Add(new Topic(id, kind, labels)
            {
                Cues = WordLists(file, node, "cues"),
                Contrary = WordLists(file, node, "contrary"),
            });
        }
        return topics;
    }

    /// <summary>An optional map of language → list of words (a topic's cues).</summary>
    private static Dictionary<string, IReadOnlyList<string>> WordLists(YamlFile file, YamlMappingNode node, string key)
    {
        if (file.Map(node, key, required: false) is not { } map) return [];
        return file.Entries(map).ToDictionary(e => e.Key, e => file.TextsOf(e.Value, key));
    }

    /// <summary>A short hash of every content file: shown by the health endpoint and the CLI.</summary>
    private static string Version(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, path)));
            hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}

/// <summary>Finds and opens the YAML files of <c>dialogs/</c>, naming them relative to it for errors.</summary>
internal sealed class ContentFiles(string folder, List<ContentError> errors)
{
    public string Folder { get; } = folder;

    public List<ContentError> Errors { get; } = errors;

    public string DisplayName(string path) => Path.Combine("dialogs", Path.GetRelativePath(Folder, path)).Replace('\\', '/');

    public YamlFile Open(string relative)
    {
        var path = Path.Combine(Folder, relative);
        if (File.Exists(path)) return YamlFile.Load(path, DisplayName(path), Errors);
        Errors.Add(new ContentError(DisplayName(path), 0, "file is missing"));
        return YamlFile.Load("/dev/null", DisplayName(path), []);
    }

    /// <summary>The folder's YAML files in name order, parsed in parallel (start-up time matters on a serverless plan).</summary>
    public IEnumerable<YamlFile> Each(string subfolder)
    {
        var dir = Path.Combine(Folder, subfolder);
        if (!Directory.Exists(dir))
        {
            Errors.Add(new ContentError(DisplayName(dir), 0, "folder is missing"));
            return [];
        }
        var paths = Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var files = new YamlFile[paths.Length];
        Parallel.For(0, paths.Length, i => files[i] = YamlFile.Load(paths[i], DisplayName(paths[i]), Errors));
        return files;
    }
}
