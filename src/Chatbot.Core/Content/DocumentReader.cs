using YamlDotNet.RepresentationModel;

namespace Chatbot.Core.Content;

/// <summary>Reads one <c>dialogs/documents/*.yaml</c>: provenance, snippets, excluded passages.</summary>
internal static class DocumentReader
{
    public static SourceDocument? Read(YamlFile file)
    {
        if (file.Root is not { } root) return null;
        var id = file.Text(root, "id");
        var source = file.Text(root, "source");
        var title = file.Text(root, "title");
        var language = file.Text(root, "language");
        var scope = file.Text(root, "scope", required: false) ?? "specific";
        if (scope is not ("specific" or "general")) file.Error(YamlFile.Node(root, "scope"), "scope must be 'specific' or 'general'");
        if (id is null || source is null || title is null || language is null) return null;

        var document = new SourceDocument(
            id, file.Name, source, title,
            file.Text(root, "publisher", required: false),
            file.Text(root, "url", required: false),
            language, file.Texts(root, "procedures"), scope == "general");
        document.Snippets = ReadSnippets(file, root, document);
        document.Excluded = ReadExcluded(file, root);
        return document;
    }

    private static List<Snippet> ReadSnippets(YamlFile file, YamlMappingNode root, SourceDocument document)
    {
        var snippets = new List<Snippet>();
        foreach (var node in file.Seq(root, "snippets")?.OfType<YamlMappingNode>() ?? [])
        {
            var id = file.Text(node, "id");
            var text = file.Text(node, "text");
            var topics = file.Texts(node, "topics");
            if (id is null || text is null) continue;
            var line = YamlFile.LineOf(YamlFile.Node(node, "text") ?? node);
            snippets.Add(new Snippet(id, document, topics, Whitespace.Collapse(text), line)
            {
                PartOf = file.Text(node, "part_of", required: false),
            });
        }
        return snippets;
    }

    private static List<ExcludedPassage> ReadExcluded(YamlFile file, YamlMappingNode root)
    {
        var excluded = new List<ExcludedPassage>();
        foreach (var node in file.Seq(root, "excluded", required: false)?.OfType<YamlMappingNode>() ?? [])
        {
            var reason = file.Text(node, "reason");
            var text = file.Text(node, "text");
            if (reason is not null && text is not null)
            {
                excluded.Add(new ExcludedPassage(reason, Whitespace.Collapse(text), YamlFile.LineOf(node)));
            }
        }
        return excluded;
    }
}

/// <summary>Quotes are verbatim up to whitespace: line breaks and runs of spaces count as one space.</summary>
public static class Whitespace
{
    public static string Collapse(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
