using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Chatbot.Core.Content;

/// <summary>
/// A YAML file read node by node, so every problem is reported with its line.
/// (Deserialising to objects would lose the line numbers an editor needs.)
/// </summary>
internal sealed class YamlFile
{
    /// <summary>How a parse error's message starts: such a file is not cross-checked.</summary>
    public const string SyntaxError = "YAML syntax: ";

    private readonly List<ContentError> errors;

    private YamlFile(string name, YamlMappingNode? root, List<ContentError> errors)
    {
        Name = name;
        Root = root;
        this.errors = errors;
    }

    public string Name { get; }

    public YamlMappingNode? Root { get; }

    public static YamlFile Load(string path, string name, List<ContentError> errors)
    {
        try
        {
            using var reader = new StreamReader(path);
            var scanner = new Scanner(reader);
            var stream = new YamlStream();
            try
            {
                stream.Load(new Parser(scanner));
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet's scanner throws this, not a YamlException, on some unclosed flow collections
                // ("key: {oops: [a, b]"): still the file's syntax, reported where the scanner stopped.
                throw new YamlException(scanner.CurrentPosition, scanner.CurrentPosition, "unclosed { or [", e);
            }
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
            if (root is null)
            {
                lock (errors) errors.Add(new ContentError(name, 1, "the file must be a YAML mapping (key: value)"));
            }
            return new YamlFile(name, root, errors);
        }
        catch (YamlException e)
        {
            // Files are parsed in parallel; only this step may add errors concurrently.
            lock (errors) errors.Add(new ContentError(name, (int)e.Start.Line, $"{SyntaxError}{e.Message}"));
            return new YamlFile(name, null, errors);
        }
    }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public void Error(YamlNode? node, string reason) =>
        errors.Add(new ContentError(Name, node is null ? 1 : LineOf(node), reason));

    public static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public string? Text(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required) Error(map, $"missing '{key}'");
            return null;
        }
        if (node is not YamlScalarNode scalar)
        {
            Error(node, $"'{key}' must be a text");
            return null;
        }
        if (IsNull(scalar))
        {
            if (required) Error(node, $"'{key}' must not be empty");
            return null;
        }
        return scalar.Value!.Trim();
    }

    public IReadOnlyList<string> Texts(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is null)
        {
            if (required) Error(map, $"missing '{key}'");
            return [];
        }
        return TextsOf(node, key);
    }

    public IReadOnlyList<string> TextsOf(YamlNode node, string what)
    {
        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"'{what}' must be a list");
            return [];
        }
        var texts = new List<string>();
        foreach (var item in seq)
        {
            if (item is YamlScalarNode s && !IsNull(s)) texts.Add(s.Value!.Trim());
            else Error(item, $"an item of '{what}' must be a text");
        }
        return texts;
    }

    public YamlMappingNode? Map(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is YamlMappingNode m) return m;
        if (node is not null || required) Error(node ?? map, $"'{key}' must be a mapping (key: value)");
        return null;
    }

    public YamlSequenceNode? Seq(YamlMappingNode map, string key, bool required = true)
    {
        var node = Node(map, key);
        if (node is YamlSequenceNode s) return s;
        if (node is not null || required) Error(node ?? map, $"'{key}' must be a list");
        return null;
    }

    /// <summary>The mapping's entries with scalar keys, in file order.</summary>
    public IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode map)
    {
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode k && k.Value is { } name) yield return (name, value);
            else Error(key, "keys must be plain texts");
        }
    }

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");
}
