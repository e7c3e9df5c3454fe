using YamlDotNet.RepresentationModel;

namespace Chatbot.Core.Content;

internal static class ProcedureReader
{
    public static (List<ProcedureFamily>, List<Procedure>) Read(YamlFile file)
    {
        var families = new List<ProcedureFamily>();
        var procedures = new List<Procedure>();
        if (file.Root is null) return (families, procedures);
        foreach (var node in file.Seq(file.Root, "families")?.OfType<YamlMappingNode>() ?? [])
        {
            if (file.Text(node, "id") is { } id)
            {
                families.Add(new ProcedureFamily(id, file.Texts(node, "procedures"), file.Texts(node, "names")));
            }
        }
        foreach (var node in file.Seq(file.Root, "procedures")?.OfType<YamlMappingNode>() ?? [])
        {
            var id = file.Text(node, "id");
            var labels = ReadLabels(file, node, "labels", required: true);
            var cues = ReadLists(file, node, "cues");
            if (id is not null)
            {
                procedures.Add(new Procedure(id, labels, file.Texts(node, "names"), cues)
                {
                    Outranks = file.Texts(node, "outranks", required: false),
                    Scope = ReadLabels(file, node, "scope", required: false),
                    Conditions = ReadLists(file, node, "conditions"),
                });
            }
        }
        return (families, procedures);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadLists(YamlFile file, YamlMappingNode node, string key)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>();
        if (file.Map(node, key, required: false) is not { } map) return lists;
        foreach (var (language, list) in file.Entries(map))
        {
            // "xx:" or "fra:" would be a list never read: said with its line, not silently dead.
            if (!ChatContent.SupportedLanguages.Contains(language))
            {
                var known = string.Join(", ", ChatContent.SupportedLanguages);
                file.Error(list, $"'{key}': '{language}' is not one of {known}");
            }
            else lists[language] = file.TextsOf(list, key);
        }
        return lists;
    }

    private static Dictionary<string, string> ReadLabels(YamlFile file, YamlMappingNode node, string key, bool required)
    {
        var labels = new Dictionary<string, string>();
        if (file.Map(node, key, required) is not { } map) return labels;
        foreach (var language in ChatContent.SupportedLanguages)
        {
            if (file.Text(map, language) is { } label) labels[language] = label;
        }
        return labels;
    }
}
