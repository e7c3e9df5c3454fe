using YamlDotNet.RepresentationModel;

namespace Chatbot.Core.Content;

/// <summary>Reads the per-language files: intents, replies, language profiles (red flags: RedFlagReader).</summary>
internal static class LanguageFilesReader
{
    public static IEnumerable<IntentExample> ReadExamples(YamlFile file)
    {
        if (file.Root is not { } root || file.Text(root, "language") is not { } language) yield break;
        if (file.Map(root, "examples") is not { } examples) yield break;
        foreach (var (topic, list) in file.Entries(examples))
        {
            if (list is not YamlSequenceNode seq)
            {
                file.Error(list, $"the examples of '{topic}' must be a list");
                continue;
            }
            foreach (var item in seq)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } text }) yield return new IntentExample(topic, language, text, file.Name, YamlFile.LineOf(item));
                else file.Error(item, $"an example of '{topic}' must be a text");
            }
        }
    }

    public static Dictionary<string, IReadOnlyDictionary<string, string>> ReadReplies(IEnumerable<YamlFile> files)
    {
        var replies = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var file in files)
        {
            if (file.Root is not { } root || file.Text(root, "language") is not { } language) continue;
            if (file.Map(root, "replies") is not { } map) continue;
            replies[language] = file.Entries(map).ToDictionary(e => e.Key, e => Whitespace.Collapse(file.Text(map, e.Key) ?? ""));
        }
        return replies;
    }

    public static (Dictionary<string, LanguageProfile>, Dictionary<string, string>) ReadLanguages(IEnumerable<YamlFile> files)
    {
        var profiles = new Dictionary<string, LanguageProfile>();
        var foreign = new Dictionary<string, string>();
        foreach (var file in files)
        {
            if (file.Root is not { } root) continue;
            if (file.Map(root, "foreign_samples", required: false) is { } samples)
            {
                foreach (var (language, _) in file.Entries(samples)) foreign[language] = file.Text(samples, language) ?? "";
                continue;
            }
            if (file.Text(root, "language") is not { } code) continue;
            var sms = file.Map(root, "sms", required: false) is { } map
                ? file.Entries(map).ToDictionary(e => e.Key, e => file.Text(map, e.Key) ?? "")
                : [];
            profiles[code] = new LanguageProfile(
                code, sms,
                file.Texts(root, "yes"), file.Texts(root, "no"), file.Texts(root, "greetings"),
                file.Texts(root, "thanks"), file.Texts(root, "goodbyes"),
                file.Texts(root, "corrections"), file.Texts(root, "negations"),
                file.Texts(root, "hypotheticals"), file.Texts(root, "past"), file.Text(root, "sample") ?? "")
            {
                NotTypos = file.Texts(root, "not_typos", required: false),
                MeantAsRedFlags = file.Texts(root, "meant_as_red_flags", required: false),
                Worsening = file.Texts(root, "worsening", required: false),
                Waiting = file.Texts(root, "waiting", required: false),
                Politeness = file.Texts(root, "politeness", required: false),
                NameFillers = file.Texts(root, "name_fillers", required: false),
                PersonalFactors = file.Texts(root, "personal_factors", required: false),
                DecisionQuestions = file.Texts(root, "decision_questions", required: false),
                SameQuestion = file.Texts(root, "same_question", required: false),
                Worries = file.Texts(root, "worries", required: false),
                OtherOne = file.Texts(root, "other_one", required: false),
                PersonRequests = file.Texts(root, "person_requests", required: false),
                TranslationRequests = file.Texts(root, "translation_requests", required: false),
                PracticalQuestions = file.Texts(root, "practical_questions", required: false),
                AnyProcedure = file.Texts(root, "any_procedure", required: false),
                Comparisons = file.Texts(root, "comparisons", required: false),
                ClockQuestions = file.Texts(root, "clock_questions", required: false),
                AgeUnits = file.Texts(root, "age_units", required: false),
                PrecisionNumbers = file.Texts(root, "precision_numbers", required: false),
                PrecisionDetails = file.Texts(root, "precision_details", required: false),
                PrecisionSubjects = file.Texts(root, "precision_subjects", required: false),
                Quantities = file.Texts(root, "quantities", required: false),
                PrecisionWhen = file.Texts(root, "precision_when", required: false),
                Timings = file.Texts(root, "timings", required: false),
                ListQuestions = file.Texts(root, "list_questions", required: false),
                QuestionStarts = file.Texts(root, "question_starts", required: false),
                Announcements = file.Texts(root, "announcements", required: false),
                Introductions = file.Texts(root, "introductions", required: false),
                Concepts = ReadLists(file, root, "concepts"),
                Commands = ReadCommands(file, root),
            };
        }
        return (profiles, foreign);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadLists(YamlFile file, YamlMappingNode root, string key)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>();
        if (file.Map(root, key, required: false) is not { } map) return lists;
        foreach (var (name, _) in file.Entries(map)) lists[name] = file.Texts(map, name);
        return lists;
    }

    /// <summary>The patient's commands: only those the bot knows, so a misspelt key is an error, not silence.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadCommands(YamlFile file, YamlMappingNode root)
    {
        var commands = ReadLists(file, root, "commands");
        if (file.Map(root, "commands", required: false) is not { } map) return commands;
        foreach (var (name, node) in file.Entries(map))
        {
            if (!Understanding.PatientCommands.All.Contains(name))
            {
                var known = string.Join(", ", Understanding.PatientCommands.All);
                file.Error(node, $"unknown command '{name}': one of {known}");
            }
        }
        return commands;
    }
}
