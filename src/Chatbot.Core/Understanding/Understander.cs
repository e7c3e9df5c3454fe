using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>What the bot understood of one message.</summary>
/// <param name="Procedures">Procedures the message names (one, a family, or none).</param>
/// <param name="OnlyAProcedure">The message is little more than a procedure's name (a clicked suggestion, a correction).</param>
public sealed record Understanding(
    string Language,
    IReadOnlyList<Token> Tokens,
    RedFlagRule? RedFlag,
    TopicGuess Topic,
    IReadOnlyList<string> Procedures,
    bool OnlyAProcedure,
    bool IsCorrection,
    bool IsYes,
    bool IsNo,
    bool IsThanks,
    bool IsGoodbye)
{
    /// <summary>
    /// "ok merci", "ok thanks", "grazie, arrivederci": read as a polite close, not as a yes to an offer
    /// of staff. Every writer of our labelled messages read it so. Only thanks, goodbyes and "ok":
    /// "oui merci", "d'accord merci" and "sì grazie" still say yes.
    /// </summary>
    public bool IsClosing { get; init; }

    /// <summary>Nothing but yes or no ("oui", "no thanks", "sì grazie"): an answer, not a question.</summary>
    public bool IsOnlyYesOrNo { get; init; }

    public bool IsForeign => Language == LanguageDetector.Other;

    /// <summary>"It's not a vertebroplasty": procedures the patient says it is not about.</summary>
    public IReadOnlyList<string> DeniedProcedures { get; init; } = [];

    /// <summary>Every procedure the message names by its own name, in order.</summary>
    public IReadOnlyList<string> NamedProcedures { get; init; } = [];

    /// <summary>Families the message names by their own word ("la cimentoplastie et l'ostéosynthèse").</summary>
    public IReadOnlyList<string> NamedFamilies { get; init; } = [];

    /// <summary>An empty message: nothing heard.</summary>
    public static Understanding Nothing(string language) =>
        new(language, [], null, new TopicGuess("out_of_scope", 0), [], false, false, false, false, false, false);
}

/// <summary>Understands a message: language, red flags first, topic, procedure, short answers.</summary>
public sealed partial class Understander
{
    /// <summary>Tags, and the code inside a script or style element: neither is what the patient asks.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"<(script|style)\b[^<>]{0,500}>[^<]{0,5000}</(script|style)\s*>|<[^<>]{0,500}>",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Markup();

    private readonly ChatContent content;
    private readonly LanguageDetector languages;
    private readonly Tokeniser tokeniser;
    private readonly RedFlagDetector redFlags;
    private readonly ProcedureDetector procedures;
    private readonly Dictionary<string, WordLists> lists;

    /// <summary>Greetings, thanks and goodbyes of every language, in one index.</summary>
    private readonly PhraseSet<bool> smallTalk;

    /// <summary>Thanks and goodbyes of every language: "ok grazie" read as French is still a close.</summary>
    private readonly PhraseSet<bool> closings;

    private readonly Politeness politeness;

    /// <summary>Yes and no phrases of every language, with thanks ("no thanks", "oui merci").</summary>
    private readonly PhraseSet<bool> answers;

    /// <summary>Trains on the content (about a second under the JIT); see also <see cref="UnderstandingSnapshot"/>.</summary>
    public Understander(ChatContent content)
        : this(content, Train(content))
    {
    }

    public Understander(ChatContent content, TrainedUnderstanding trained)
    {
        this.content = content;
        Trained = trained;
        tokeniser = new Tokeniser(content.Languages, trained.Vocabulary);
        redFlags = new RedFlagDetector(content);
        procedures = new ProcedureDetector(content);
        lists = content.Languages.ToDictionary(l => l.Key, l => new WordLists(l.Value));
        smallTalk = new PhraseSet<bool>(lists.Values.SelectMany(l => l.Greetings.Concat(l.Thanks).Concat(l.Goodbyes)).Select(p => (p, true)));
        closings = new PhraseSet<bool>(lists.Values.SelectMany(l => l.Thanks.Concat(l.Goodbyes)).Select(p => (p, true)));
        politeness = new Politeness(content);
        answers = new PhraseSet<bool>(lists.Values.SelectMany(l => l.Yes.Concat(l.No).Concat(l.Thanks)).Select(p => (p, true)));
        Classifier = trained.Classifier;
        languages = trained.Languages;
    }

    public static TrainedUnderstanding Train(ChatContent content)
    {
        // Independent of the rest: built on the other core while the classifier trains.
        var languageModel = Task.Run(() => new LanguageDetector(content));
        var vocabulary = BuildVocabulary(content);
        var tokeniser = new Tokeniser(content.Languages, vocabulary);
        var procedures = new ProcedureDetector(content);
        var politeness = new Politeness(content);
        var classifier = new TopicClassifier(content.Examples.Select(e => (e.Topic, (IReadOnlyList<Token>)ExampleTokens(tokeniser, procedures, politeness, e))));
        return new TrainedUnderstanding(vocabulary, classifier, languageModel.GetAwaiter().GetResult());
    }

    /// <summary>The words typos are corrected towards: the content's, and the everyday words of not_typos.</summary>
    internal static Vocabulary BuildVocabulary(ChatContent content) =>
        new(KnownWords(content, withExamples: true), KnownWords(content, withExamples: false));

    public TrainedUnderstanding Trained { get; }

    /// <summary>The content this understanding was trained on.</summary>
    internal ChatContent Content => content;

    /// <summary>
    /// How this build reads examples (folding, SMS, typos, names masked, features), summed over the
    /// first examples: a snapshot written by a build that reads them differently is not used.
    /// </summary>
    public ulong ReadingFingerprint()
    {
        ulong sum = 0;
        foreach (var example in content.Examples.Take(200))
        {
            foreach (var (feature, weight) in TopicClassifier.Features(ExampleTokens(tokeniser, procedures, politeness, example)))
            {
                // SplitMix64 finaliser: a sum of mixed values does not depend on the order of the features.
                var z = feature ^ BitConverter.DoubleToUInt64Bits(weight);
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                sum += z ^ (z >> 31);
            }
        }
        return sum;
    }

    private static List<Token> ExampleTokens(Tokeniser tokeniser, ProcedureDetector procedures, Politeness politeness, IntentExample example) =>
        politeness.Remove(procedures.MaskNames(tokeniser.Tokenise(Folding.Fold(example.Text), example.Language)));

    public TopicClassifier Classifier { get; }

    /// <param name="localeHint">The channel's locale ("fr-FR"): a hint only.</param>
    /// <param name="conversationLanguage">The language of the conversation so far, if any.</param>
    /// <param name="previous">The patient's previous message (masked), which weighs a little on the topic.</param>
    public Understanding Understand(string text, string? localeHint, string? conversationLanguage, string? previous = null)
    {
        // Pasted markup ("<img src=x onerror=…>") says nothing about the question or its language.
        if (text.Contains('<', StringComparison.Ordinal)) text = Markup().Replace(text, " ");
        var folded = Folding.Fold(text);
        var hint = localeHint is { Length: >= 2 } ? localeHint[..2].ToLowerInvariant() : null;
        var fallback = conversationLanguage ?? (hint is "fr" or "it" or "en" ? hint : "fr");
        var language = languages.Detect(folded, hint, fallback, conversationLanguage is not null);
        // Another language is read with the conversation's words (SMS, typos), as is the previous message.
        var reading = language == LanguageDetector.Other ? fallback : language;
        var tokens = tokeniser.Tokenise(folded, reading);
        var words = lists.GetValueOrDefault(language) ?? lists[fallback];
        var redFlag = redFlags.Check(tokens);
        var named = procedures.Read(tokens, language);
        var no = lists.Values.Any(l => IsShortAnswer(l.No, tokens));
        var yes = !no && lists.Values.Any(l => IsShortAnswer(l.Yes, tokens));
        var onlySmallTalk = IsOnlySmallTalk(tokens);
        return new Understanding(
            language,
            tokens,
            redFlag.Rule,
            onlySmallTalk ? new TopicGuess("greeting", 1)
                : AskedFirst(text, Classify(named.Masked, tokens, redFlag.NamesSymptom, previous, reading), previous, reading),
            named.Procedures,
            named.OnlyAName,
            // "Sorry, not vertebroplasty: cementoplasty for my metastasis": one procedure denied, another named.
            words.Corrections.FindAll(tokens).Count > 0 || (named.Denied.Count > 0 && named.Named.Count > 0),
            yes,
            no,
            words.ThanksFound.FindAll(tokens).Count > 0,
            words.GoodbyesFound.FindAll(tokens).Count > 0)
        {
            IsClosing = onlySmallTalk && IsCovered(closings, tokens, okCounts: true),
            IsOnlyYesOrNo = (yes || no) && tokens.Count <= 3 && IsCovered(answers, tokens, okCounts: true),
            DeniedProcedures = named.Denied,
            NamedProcedures = named.Named,
            NamedFamilies = named.Families,
        };
    }

    /// <summary>The words of an earlier message, read as they were then (SMS, typos).</summary>
    public List<Token> Tokens(string text, string language) => tokeniser.Tokenise(Folding.Fold(text), language);

    /// <summary>"It's getting worse", "au secours": asked only after an emergency, so not on every turn.</summary>
    public bool SaysWorse(Understanding heard) => redFlags.SaysWorse(heard.Tokens);

    /// <summary>Which of <paramref name="candidates"/> the message's cues point to, without naming one.</summary>
    public List<string> Cued(Understanding heard, IReadOnlyList<string> candidates) =>
        procedures.Cued(heard.Tokens, heard.Language, candidates);

    /// <summary>The topic; "emergency" only when a symptom is named (red-flag rules decide the rest).</summary>
    private TopicGuess Classify(List<Token> masked, List<Token> tokens, bool namesSymptom, string? previous, string language)
    {
        var context = previous is { Length: > 0 } ? politeness.Remove(procedures.MaskNames(tokeniser.Tokenise(Folding.Fold(previous), language))) : null;
        var guess = Classifier.Classify(politeness.Remove(masked), context);
        return guess.Topic == "emergency" && !namesSymptom ? guess with { Topic = guess.RunnerUp } : guess;
    }

    /// <summary>
    /// "Combien de temps dure l'intervention ? ma fille doit poser sa journée": what follows the question tells
    /// why it is asked and must not turn it into another ("journée", "accompagner" → preparation). The question
    /// alone decides when it clearly asks about a subject of the documents.
    /// </summary>
    private TopicGuess AskedFirst(string text, TopicGuess whole, string? previous, string language)
    {
        var mark = text.LastIndexOf('?');
        if (mark < 0 || text.AsSpan(mark + 1).Count(' ') < TrailingWords) return whole;
        var asked = tokeniser.Tokenise(Folding.Fold(text[..(mark + 1)]), language);
        var guess = Classify(procedures.MaskNames(asked), asked, namesSymptom: false, previous, language);
        var answers = content.FindTopic(guess.Topic)?.Kind == TopicKind.Answer;
        return answers && guess.Confidence >= ClearQuestion && guess.Confidence >= whole.Confidence - 0.2 ? guess : whole;
    }

    /// <summary>A statement after the question: a few words ("merci !" is not one).</summary>
    private const int TrailingWords = 3;

    /// <summary>How sure the question alone must be to decide the topic.</summary>
    private const double ClearQuestion = 0.6;

    /// <summary>"arrivederci", "hiya", "ok merci bonne journée": short, and nothing but greetings, thanks and goodbyes.</summary>
    private bool IsOnlySmallTalk(List<Token> tokens) => tokens.Count is > 0 and <= 6 && IsCovered(smallTalk, tokens, okCounts: false);

    /// <summary>Every word is in one of the phrases (or is "ok", when it counts), and one phrase at least was found.</summary>
    private static bool IsCovered(PhraseSet<bool> phrases, List<Token> tokens, bool okCounts)
    {
        var covered = tokens.Select(t => okCounts && t.Text is "ok" or "okay").ToArray();
        return phrases.Cover(tokens, covered) && covered.All(c => c);
    }

    /// <summary>"oui", "oui merci", "ok volontiers": a short message that starts with a yes/no phrase.</summary>
    private static bool IsShortAnswer(List<Phrase> phrases, List<Token> tokens) =>
        tokens.Count is > 0 and <= 6 && phrases.Any(p => p.MatchesAtStart(tokens));

    private static IEnumerable<string> KnownWords(ChatContent content, bool withExamples)
    {
        var texts = (withExamples ? content.Examples.Select(e => e.Text) : [])
            .Concat(content.Snippets.Select(s => s.Text))
            .Concat(content.ProcedureNames())
            .Concat(content.RedFlags.SelectMany(r => r.AllOf.SelectMany(g => g)))
            .Concat(content.Languages.Values.SelectMany(l => l.Sms.Values.Concat(l.Yes).Concat(l.No).Concat(l.Corrections)))
            // The rules' own words ("oublie moi", "don't want to bother"), less those patients mistype for red flags.
            .Concat(content.Languages.Values.SelectMany(l => l.RulePhrases.Except(l.MeantAsRedFlags.Select(Folding.Fold))))
            // Known, so never corrected; clean, so "smetto" is not split into "s'" + "metto".
            .Concat(content.Languages.Values.SelectMany(l => l.NotTypos.Except(l.MeantAsRedFlags.Select(Folding.Fold))));
        return texts.SelectMany(t => Folding.Words(Folding.Fold(t.Replace("*", " ", StringComparison.Ordinal)))).Select(w => w.Word);
    }

    private sealed class WordLists
    {
        public WordLists(LanguageProfile profile)
        {
            Yes = Compile(profile.Yes);
            No = Compile(profile.No);
            Thanks = Compile(profile.Thanks);
            Greetings = Compile(profile.Greetings);
            Goodbyes = Compile(profile.Goodbyes);
            Corrections = Index(Compile(profile.Corrections));
            ThanksFound = Index(Thanks);
            GoodbyesFound = Index(Goodbyes);
        }

        public List<Phrase> Yes { get; }
        public List<Phrase> No { get; }
        public List<Phrase> Thanks { get; }
        public List<Phrase> Greetings { get; }
        public List<Phrase> Goodbyes { get; }

        /// <summary>Phrase sets for "anywhere in the message": one pass over the words.</summary>
        public PhraseSet<bool> Corrections { get; }
        public PhraseSet<bool> ThanksFound { get; }
        public PhraseSet<bool> GoodbyesFound { get; }

        private static List<Phrase> Compile(IEnumerable<string> phrases) => phrases.Select(Tokeniser.Compile).ToList();

        private static PhraseSet<bool> Index(List<Phrase> phrases) => new(phrases.Select(p => (p, true)));
    }
}
