using Chatbot.Core.Content;
using Chatbot.Core.Knowledge;

namespace Chatbot.Core.Understanding;

/// <summary>
/// What the documents' general sentences cannot settle: the patient's own situation (a medicine, an
/// allergy, an illness... from <c>personal_factors</c>), or a precise point the quoted sentences do not
/// give (a number when <c>precision_numbers</c> asks for one, a thing <c>precision_details</c> names).
/// Words are those of <c>dialogs/language</c>, per language; a negation just before ("je ne prends
/// aucun anticoagulant") cancels a factor.
/// </summary>
public sealed partial class SituationDetector
{
    /// <summary>"à 14 h", "8h30", "8:30": a clock time in a quote; "48h" is a duration.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(à|a|alle|at|dès|from) \d{1,2} ?(h|:)(\d{2})?\b|\b([01]?\d|2[0-3])(h|:)[0-5]\d\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClockTime();

    private readonly Negations negations;
    private readonly PhraseSet<string> factors;
    private readonly PhraseSet<string> worries;
    private readonly PhraseSet<string> decisions;
    private readonly PhraseSet<string> persons;
    private readonly PhraseSet<string> otherOne;
    private readonly PhraseSet<string> sameQuestion;
    private readonly PhraseSet<string> translations;
    private readonly PhraseSet<string> practical;
    private readonly PhraseSet<string> anyProcedure;
    private readonly PhraseSet<string> comparisons;
    private readonly PhraseSet<string> announcements;
    private readonly PhraseSet<string> introductions;
    private readonly Concepts concepts;
    private readonly IReadOnlyList<string> languages;
    private readonly Dictionary<string, HashSet<string>> ageUnits;
    private readonly PhraseSet<string> numbers;
    private readonly PhraseSet<string> clock;
    private readonly PhraseSet<string> details;
    private readonly PhraseSet<string> subjects;
    private readonly List<Phrase> quantities;
    private readonly PhraseSet<string> when;
    private readonly List<Phrase> timings;
    private readonly PhraseSet<string> questionStarts;
    private readonly PhraseSet<(string Topic, string Language)> topicWords;

    public SituationDetector(ChatContent content)
    {
        negations = new Negations(content);
        factors = Compile(content, l => l.PersonalFactors);
        worries = Compile(content, l => l.Worries);
        decisions = Compile(content, l => l.DecisionQuestions);
        persons = Compile(content, l => l.PersonRequests);
        otherOne = Compile(content, l => l.OtherOne);
        sameQuestion = Compile(content, l => l.SameQuestion);
        translations = Compile(content, l => l.TranslationRequests);
        practical = Compile(content, l => l.PracticalQuestions);
        anyProcedure = Compile(content, l => l.AnyProcedure);
        comparisons = Compile(content, l => l.Comparisons);
        announcements = Compile(content, l => l.Announcements);
        introductions = Compile(content, l => l.Introductions);
        concepts = new Concepts(content.Languages);
        languages = [.. content.Languages.Keys];
        ageUnits = content.Languages.ToDictionary(l => l.Key, l => l.Value.AgeUnits.ToHashSet(StringComparer.Ordinal));
        numbers = Compile(content, l => l.PrecisionNumbers);
        clock = Compile(content, l => l.ClockQuestions);
        details = Compile(content, l => l.PrecisionDetails);
        subjects = Compile(content, l => l.PrecisionSubjects);
        // Quotes are French or Italian whatever the patient's language: every language's words count.
        quantities = [.. content.Languages.Values.SelectMany(l => l.Quantities).Select(Tokeniser.Compile)];
        when = Compile(content, l => l.PrecisionWhen);
        timings = [.. content.Languages.Values.SelectMany(l => l.Timings).Select(Tokeniser.Compile)];
        questionStarts = Compile(content, l => l.QuestionStarts);
        topicWords = new(content.Topics.SelectMany(t => t.Cues.SelectMany(
            c => c.Value.Select(word => (Tokeniser.Compile(word), (t.Id, c.Key))))));
    }

    /// <summary>"combien de temps…", "est-ce qu'il sera…": these words begin a question of their own.</summary>
    public bool StartsAQuestion(IReadOnlyList<Token> tokens, string language) =>
        questionStarts.FindAll(tokens).Exists(m => m.Index == 0 && m.Value == language);

    /// <summary>"J'ai eu ma cimentoplastie lundi", "my dad is booked for…": telling of the procedure.</summary>
    public bool TellsOfTheProcedure(IReadOnlyList<Token> tokens, string language) =>
        Says(announcements, tokens, language);

    /// <summary>"Sono la nipote, scrivo per la nonna Carmela": the writer says who they are.</summary>
    public bool Introduces(IReadOnlyList<Token> tokens, string language) => Says(introductions, tokens, language);

    /// <summary>No question mark, no question's words, no person asked for: it tells, it does not ask.</summary>
    public bool OnlyTells(string text, IReadOnlyList<Token> tokens, string language) =>
        !text.Contains('?', StringComparison.Ordinal) && !AsksSomething(tokens, language)
        && !AsksForAPerson(tokens, language);

    /// <summary>"Per la vertebroplastica quanto resto…": a question's words anywhere in the clause.</summary>
    public bool AsksSomething(IReadOnlyList<Token> tokens, string language) => QuestionWords(tokens, language) > 0;

    /// <summary>How many times a question's words begin in the message: one question or several.</summary>
    public int QuestionWords(IReadOnlyList<Token> tokens, string language) =>
        questionStarts.FindAll(tokens).Where(m => m.Value == language).Select(m => m.Index).Distinct().Count();

    private static PhraseSet<string> Compile(ChatContent content, Func<LanguageProfile, IReadOnlyList<string>> list) =>
        PhraseSets.PerLanguage(content.Languages, list);

    /// <summary>A personal factor of the message's language, not negated in the three words before it.</summary>
    public bool HasPersonalFactor(IReadOnlyList<Token> tokens, string language) => IsOfGreatAge(tokens, language) ||
        factors.FindAll(tokens).Any(m => m.Value == language && !negations.Before(tokens, m.Index, language));

    /// <summary>"J'ai très peur de l'anesthésie", "ho paura": a fear told, not denied.</summary>
    public bool TellsAWorry(IReadOnlyList<Token> tokens, string language) =>
        worries.FindAll(tokens).Any(m => m.Value == language && !negations.Before(tokens, m.Index, language));

    /// <summary>"J'ai 87 ans", "my mum is 91 years old": the documents speak for no age in particular.</summary>
    private bool IsOfGreatAge(IReadOnlyList<Token> tokens, string language)
    {
        if (!ageUnits.TryGetValue(language, out var units)) return false;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (int.TryParse(tokens[i].Text, out var years) && years is >= 80 and <= 120 && units.Contains(tokens[i + 1].Text)) return true;
        }
        return false;
    }

    /// <summary>"Dois-je arrêter mon Kardégic ?": what to do about one's own treatment, for the team to decide.</summary>
    public bool AsksForADecision(IReadOnlyList<Token> tokens, string language) => Says(decisions, tokens, language);

    /// <summary>
    /// "Je voudrais parler à l'anesthésiste": a person, whatever the subject named with it. Not when denied:
    /// "non merci, pas besoin de parler à quelqu'un", "I don't want to talk to anyone".
    /// </summary>
    public bool AsksForAPerson(IReadOnlyList<Token> tokens, string language) =>
        persons.FindAll(tokens).Any(m => m.Value == language && !negations.Before(tokens, m.Index, language));

    /// <summary>"Et pour l'autre ?": the other procedure of the conversation.</summary>
    public bool MeansTheOtherOne(IReadOnlyList<Token> tokens, string language) => Says(otherOne, tokens, language);

    /// <summary>
    /// The message says the topic in its own words (its <c>cues</c> in topics.yaml: "anesthésie", "walk"):
    /// "the other one, the osteosynthesis — is it general anaesthesia too?" asks about anaesthesia.
    /// </summary>
    public bool NamesTopic(IReadOnlyList<Token> tokens, string language, string topic) =>
        topicWords.FindAll(tokens).Any(m => m.Value == (topic, language));

    /// <summary>"C'est pareil pour la vertébroplastie ?": the question just asked, again.</summary>
    public bool AsksTheSame(IReadOnlyList<Token> tokens, string language) => Says(sameQuestion, tokens, language);

    /// <summary>"Can you translate?": the bot quotes as written and cannot.</summary>
    public bool AsksForATranslation(IReadOnlyList<Token> tokens, string language) => Says(translations, tokens, language);

    /// <summary>"Où est-ce que je peux me garer ?", "what time should I arrive?": no document says.</summary>
    public bool AsksAPracticalDetail(IReadOnlyList<Token> tokens, string language) => Says(practical, tokens, language);

    /// <summary>"Je ne sais pas laquelle, en général": the patient cannot say which procedure.</summary>
    public bool LeavesTheProcedureOpen(IReadOnlyList<Token> tokens, string language) =>
        Says(anyProcedure, tokens, language);

    /// <summary>"What's the difference between", "c'est pareil ?" with two procedures named.</summary>
    public bool Compares(IReadOnlyList<Token> tokens, string language) => Says(comparisons, tokens, language);

    private static bool Says(PhraseSet<string> phrases, IReadOnlyList<Token> tokens, string language) =>
        phrases.FindAll(tokens).Any(m => m.Value == language);

    /// <summary>The question asks for a number none of the quotes gives, or names a thing none of them names.</summary>
    public bool LeavesAPrecisionOpen(IReadOnlyList<Token> question, string language, IReadOnlyList<string> quotes)
    {
        var folded = quotes.Select(q => Folding.Words(Folding.Fold(q)).Select(w => w.Word).ToList()).ToList();
        var givesANumber = quotes.Any(q => q.Any(char.IsDigit)) || folded.Any(words => quantities.Any(p => Names(words, p)));
        if (numbers.FindAll(question).Any(m => m.Value == language) && !givesANumber) return true;
        if (clock.FindAll(question).Any(m => m.Value == language) && !quotes.Any(q => ClockTime().IsMatch(q))) return true;
        if (when.FindAll(question).Any(m => m.Value == language) && !givesANumber
            && !folded.Any(words => timings.Any(p => Names(words, p)))) return true;
        return details.FindAll(question).Any(m => m.Value == language && !folded.Any(words => Names(words, m.Phrase)))
            || subjects.FindAll(question).Any(m => m.Value == language && !Means(m.Phrase, language, folded));
    }

    /// <summary>
    /// A quote says the subject in its own language: "back to work" is answered by "un arrêt de travail de 48h"
    /// (both name the concept of work). Details ("moins mal", "stay with her overnight") are matched by their
    /// words: their concept (pain, night) is in quotes that do not answer them.
    /// </summary>
    private bool Means(Phrase detail, string language, List<List<string>> quotes)
    {
        var asked = detail.Words.SelectMany(w => concepts.Of(w, language)).ToHashSet(StringComparer.Ordinal);
        return asked.Count > 0 && quotes.Any(words => words.Any(
            w => languages.Any(l => concepts.Of(w, l).Any(asked.Contains))));
    }

    private static bool Names(List<string> words, Phrase phrase)
    {
        for (var i = 0; i + phrase.Words.Length <= words.Count; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Words.Length && all; j++)
            {
                all = phrase.Prefix[j] ? words[i + j].StartsWith(phrase.Words[j], StringComparison.Ordinal) : words[i + j] == phrase.Words[j];
            }
            if (all) return true;
        }
        return false;
    }
}
