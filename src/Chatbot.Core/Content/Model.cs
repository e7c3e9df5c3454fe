namespace Chatbot.Core.Content;

/// <summary>What the bot does with a topic.</summary>
public enum TopicKind
{
    /// <summary>Answered from curated snippets.</summary>
    Answer,
    Emergency,

    /// <summary>Suicidal intent, self-harm, despair: raised by crisis rules only, never guessed.</summary>
    Crisis,
    Human,
    MedicalAdvice,
    Greeting,
    OutOfScope,
}

public sealed record Topic(string Id, TopicKind Kind, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>Per language, words a snippet tagged with this topic states it with (checked by validate).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Cues { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Per language, words that show a snippet says something else ("avantage" is not a risk).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Contrary { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>Procedures that share a generic name ("cimentoplastie") a patient may use for any of them.</summary>
public sealed record ProcedureFamily(string Id, IReadOnlyList<string> Members, IReadOnlyList<string> Names);

/// <summary>A procedure the corpus describes, with the names patients use for it.</summary>
/// <param name="Cues">Per language, words that narrow a generic family name to this procedure.</param>
public sealed record Procedure(
    string Id,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Names,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Cues)
{
    /// <summary>Procedures this one is meant over when cues of both are found ("cement for my spine metastases").</summary>
    public IReadOnlyList<string> Outranks { get; init; } = [];

    /// <summary>
    /// Per language, what its document covers, said when the bot took a family word for this procedure
    /// ("cementoplastica" in Italian): the patient may mean another one, whose answers differ.
    /// </summary>
    public IReadOnlyDictionary<string, string> Scope { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Per language, what patients call the illness it treats ("tassement", "crushed vertebra"): with no
    /// procedure's name in the message, the procedure meant, unless an outranking procedure's cues say otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Conditions { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>A verbatim passage of a source document, tagged by topic.</summary>
public sealed record Snippet(string Id, SourceDocument Document, IReadOnlyList<string> Topics, string Text, int Line)
{
    /// <summary>
    /// The list this snippet is one item of (<c>part_of</c>): items are split so a precise question can get
    /// one, and quoted together when it does not single one out.
    /// </summary>
    public string? PartOf { get; init; }
}

public sealed record ExcludedPassage(string Reason, string Text, int Line);

/// <summary>A curated source: provenance plus its snippets.</summary>
/// <param name="IsGeneral">A background article: used only where no specific document answers.</param>
public sealed record SourceDocument(
    string Id,
    string File,
    string SourceFile,
    string Title,
    string? Publisher,
    string? Url,
    string Language,
    IReadOnlyList<string> Procedures,
    bool IsGeneral)
{
    public IReadOnlyList<Snippet> Snippets { get; internal set; } = [];
    public IReadOnlyList<ExcludedPassage> Excluded { get; internal set; } = [];
}

public sealed record IntentExample(string Topic, string Language, string Text, string File, int Line);

/// <summary>An emergency rule: every group must match (any term of a group).</summary>
public sealed record RedFlagRule(string Id, string Language, IReadOnlyList<IReadOnlyList<string>> AllOf)
{
    /// <summary>Suicidal intent, self-harm, despair: the crisis lines, not the physical-emergency text.</summary>
    public bool IsCrisis { get; init; }

    /// <summary>Where the rule is written, for <c>chatbot validate</c>.</summary>
    public string File { get; init; } = "";

    public int Line { get; init; }
}

/// <summary>Per-language understanding data: SMS spellings, small word lists, a text sample.</summary>
public sealed record LanguageProfile(
    string Language,
    IReadOnlyDictionary<string, string> Sms,
    IReadOnlyList<string> Yes,
    IReadOnlyList<string> No,
    IReadOnlyList<string> Greetings,
    IReadOnlyList<string> Thanks,
    IReadOnlyList<string> Goodbyes,
    IReadOnlyList<string> Corrections,
    IReadOnlyList<string> Negations,
    IReadOnlyList<string> Hypotheticals,
    IReadOnlyList<string> Past,
    string Sample)
{
    /// <summary>Everyday words the typo corrector must leave as typed ("fewer" is not "fever"); see <c>NotTypos</c>.</summary>
    public IReadOnlyList<string> NotTypos { get; init; } = [];

    /// <summary>Words of a word list that patients type for a red-flag term ("feint" for "faint"): corrected even if listed as not typos.</summary>
    public IReadOnlyList<string> MeantAsRedFlags { get; init; } = [];

    /// <summary>"It's getting worse", "au secours": after an emergency, the emergency guidance again.</summary>
    public IReadOnlyList<string> Worsening { get; init; } = [];

    /// <summary>
    /// "Je peux pas attendre demain matin ?": waiting or coming later, after an emergency the guidance again,
    /// negated or not (unlike "worse": "it's not getting worse").
    /// </summary>
    public IReadOnlyList<string> Waiting { get; init; } = [];

    /// <summary>"please", "s'il vous plaît": left out when guessing the topic, since staff requests use them most.</summary>
    public IReadOnlyList<string> Politeness { get; init; } = [];

    /// <summary>Words around a procedure's name in a message that only names it ("c'est pour une", "it's for my mum's").</summary>
    public IReadOnlyList<string> NameFillers { get; init; } = [];

    /// <summary>
    /// What makes the documents' general sentences unable to settle this patient's case: a medicine that
    /// changes the risk, an allergy, an illness, pregnancy, a device, great age, living alone.
    /// </summary>
    public IReadOnlyList<string> PersonalFactors { get; init; } = [];

    /// <summary>
    /// A fear told with the question ("j'ai peur de ne pas me réveiller", "terrified of the anaesthetic"): the
    /// quote answers, and the team, who can talk it through, is offered.
    /// </summary>
    public IReadOnlyList<string> Worries { get; init; } = [];

    /// <summary>"C'est pareil pour la vertébroplastie ?": the question just asked, for that procedure.</summary>
    public IReadOnlyList<string> SameQuestion { get; init; } = [];

    /// <summary>"Et pour l'autre ?": the other procedure named earlier.</summary>
    public IReadOnlyList<string> OtherOne { get; init; } = [];

    /// <summary>Asking for a person ("parler à", "call me back"): staff, whatever the subject named with it.</summary>
    public IReadOnlyList<string> PersonRequests { get; init; } = [];

    /// <summary>Asking the bot to translate ("traduire"): it quotes as written and cannot.</summary>
    public IReadOnlyList<string> TranslationRequests { get; init; } = [];

    /// <summary>"ans", "years": after a number from 80, great age, a personal factor.</summary>
    public IReadOnlyList<string> AgeUnits { get; init; } = [];

    /// <summary>Asking what to do about one's own treatment ("dois-je arrêter", "can I take"): the team decides.</summary>
    public IReadOnlyList<string> DecisionQuestions { get; init; } = [];

    /// <summary>
    /// Practical details of the day no document gives ("où se garer", "what time should I arrive", "quale
    /// piano"): said not to be in the documents, and the team offered, rather than the out-of-scope reply.
    /// </summary>
    public IReadOnlyList<string> PracticalQuestions { get; init; } = [];

    /// <summary>"En général", "non lo so", "not sure which": after "which procedure?", the patient cannot say.</summary>
    public IReadOnlyList<string> AnyProcedure { get; init; } = [];

    /// <summary>"Quelle est la différence entre", "versus": two procedures named are compared.</summary>
    public IReadOnlyList<string> Comparisons { get; init; } = [];

    /// <summary>Asking for a clock time ("à quelle heure"): the quotes must give one.</summary>
    public IReadOnlyList<string> ClockQuestions { get; init; } = [];

    /// <summary>Asking for a number (hours, a time, a price, a duration): the quotes must give one.</summary>
    public IReadOnlyList<string> PrecisionNumbers { get; init; } = [];

    /// <summary>Words that give a quantity in a quote ("le lendemain", "deux"), besides digits.</summary>
    public IReadOnlyList<string> Quantities { get; init; } = [];

    /// <summary>Asking when ("quand pourrai-je marcher ?"): the quotes must say it, if only "rapidement".</summary>
    public IReadOnlyList<string> PrecisionWhen { get; init; } = [];

    /// <summary>Words that say when in a quote ("rapide", "immédiatement"), besides quantities and digits.</summary>
    public IReadOnlyList<string> Timings { get; init; } = [];

    /// <summary>Asking for a whole list ("quels sont les risques"): quoted whole, whatever item is named too.</summary>
    public IReadOnlyList<string> ListQuestions { get; init; } = [];

    /// <summary>Asking about one precise thing (water, tobacco, an insurer): the quotes must name it.</summary>
    public IReadOnlyList<string> PrecisionDetails { get; init; } = [];

    /// <summary>A subject asked ("back to work"): the quotes must speak of it, in any language (its concept).</summary>
    public IReadOnlyList<string> PrecisionSubjects { get; init; } = [];

    /// <summary>"J'ai eu ma cimentoplastie lundi": telling of the procedure, not asking (with no question word).
    /// </summary>
    public IReadOnlyList<string> Announcements { get; init; } = [];

    /// <summary>"Sono la nipote, scrivo per la nonna", "I'm writing from Toronto": who writes, not what they ask.
    /// </summary>
    public IReadOnlyList<string> Introductions { get; init; } = [];

    /// <summary>
    /// Words that begin a question inside a sentence ("combien", "est ce que", "will i"): "il reste combien de
    /// temps, est-ce qu'il sera endormi et pourra-t-il conduire ?" asks three questions with one mark.
    /// </summary>
    public IReadOnlyList<string> QuestionStarts { get; init; } = [];

    /// <summary>
    /// Words by what they are about ("setting": set, harden*), the same concept names in every language: the
    /// sentence that answers a question ranks first even in another language (Knowledge/Concepts).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Concepts { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The patient's own commands, by command (help, what_we_know, forget_me, start_over): recognised when
    /// the message is little more than one of these phrases (Understanding/PatientCommands).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Commands { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Every phrase the rules look for in a message. Their words must be known to the typo corrector, or
    /// it turns them into others: "I don't want to bother anyone" was read "brother" and went unheard.
    /// A new list belongs here (NotTyposTests.EveryWordTheRulesLookFor_IsLeftAsTyped says which one is missing).
    /// </summary>
    public IEnumerable<string> RulePhrases =>
        Greetings.Concat(Thanks).Concat(Goodbyes).Concat(Negations).Concat(Hypotheticals).Concat(Past)
            .Concat(Worsening).Concat(Waiting).Concat(Politeness).Concat(NameFillers).Concat(PersonalFactors).Concat(Worries).Concat(SameQuestion)
            .Concat(OtherOne).Concat(PersonRequests).Concat(TranslationRequests).Concat(AgeUnits)
            .Concat(DecisionQuestions).Concat(PracticalQuestions).Concat(AnyProcedure).Concat(Comparisons)
            .Concat(ClockQuestions).Concat(PrecisionNumbers).Concat(PrecisionWhen).Concat(PrecisionDetails)
            .Concat(PrecisionSubjects)
            .Concat(ListQuestions)
            .Concat(Announcements).Concat(Introductions).Concat(QuestionStarts)
            .Concat(Commands.Values.SelectMany(c => c));
}

/// <summary>Everything in <c>dialogs/</c>, loaded, validated and immutable.</summary>
public sealed record ChatContent(
    string Version,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<ProcedureFamily> Families,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<SourceDocument> Documents,
    IReadOnlyList<IntentExample> Examples,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Replies,
    IReadOnlyList<RedFlagRule> RedFlags,
    IReadOnlyDictionary<string, LanguageProfile> Languages,
    IReadOnlyDictionary<string, string> ForeignSamples)
{
    public static readonly IReadOnlyList<string> SupportedLanguages = ["fr", "it", "en"];

    public IEnumerable<Snippet> Snippets => Documents.SelectMany(d => d.Snippets);

    /// <summary>
    /// How the content names procedures: the families' and the procedures' names, their labels, and the cues
    /// that point to one ("spinal", "bassin"; a cue's "*" kept). One list for the index, the typo corrector
    /// and the rule on procedures the documents do not describe.
    /// </summary>
    public IEnumerable<string> ProcedureNames(bool labels = true, bool cues = true) =>
        Families.SelectMany(f => f.Names).Concat(Procedures.SelectMany(p => p.Names
            .Concat(labels ? p.Labels.Values : [])
            .Concat(cues ? p.Cues.Values.SelectMany(c => c) : [])));

    public Topic? FindTopic(string id) => Topics.FirstOrDefault(t => t.Id == id);

    public Procedure? FindProcedure(string? id) => Procedures.FirstOrDefault(p => p.Id == id);

    /// <summary>The bot's own wording, in the language asked or French.</summary>
    public string Reply(string language, string key) =>
        Replies.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text
        : Replies["fr"][key];
}
