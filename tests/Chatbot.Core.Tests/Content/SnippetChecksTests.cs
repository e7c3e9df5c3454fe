using Chatbot.Core.Content;

namespace Chatbot.Core.Tests.Content;

/// <summary>
/// The checks that keep snippets fit for precise questions, each shown on a sixth document written for the
/// test: the error names the file, the snippet's line and the reason, and nothing else is reported.
/// </summary>
public class SnippetChecksTests
{
    private const string Source = """
        Les risques sont:
          • Apparition d'un hématome au niveau du point de ponction
          • Infection, sepsis
          • Décès (exceptionnel)
        Le gros avantage de cette technique est qu’elle permet de limiter les risques.
        L'injection est réalisée sous guidage.
        Il est nécessaire de rester immobile un certain temps. La sortie de l'hôpital est envisagée le lendemain.
        Mangiare è vietato prima.
        """;

    [Fact]
    public void AListQuotedWhole_HasTooManySentences()
    {
        var error = Single("""
              - id: new-risks-1
                topics: [risks]
                text: |-
                  Les risques sont:
                  • Apparition d'un hématome au niveau du point de ponction
                  • Infection, sepsis
                  • Décès (exceptionnel)
            """);

        Assert.Contains("has 4 sentences or list items, at most 3", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ASnippetTaggedByWhatItTouches_StatesNoneOfTheTopicsCueWords()
    {
        var error = Single("""
              - id: new-risks-1
                topics: [course, risks]
                text: L'injection est réalisée sous guidage.
            """);

        Assert.Contains("'new-risks-1' is tagged 'risks' but states none of its cue words",
            error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdvantagesSentenceTaggedRisks_IsRejected()
    {
        var error = Single("""
              - id: new-risks-1
                topics: [risks]
                text: Le gros avantage de cette technique est qu’elle permet de limiter les risques.
            """);

        Assert.Contains("is tagged 'risks' but says 'avantage…'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoFactsForTwoQuestions_InOneSnippet_AreToBeSplit()
    {
        var error = Single("""
              - id: new-walking-1
                topics: [walking, hospital_stay]
                text: >-
                  Il est nécessaire de rester immobile un certain temps. La sortie de l'hôpital est envisagée le
                  lendemain.
            """);

        Assert.Contains("sentence 2 states 'hospital_stay', not its main topic 'walking'",
            error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheItemsOfASplitList_MustFollowEachOtherInTheSource()
    {
        var error = Single("""
              - id: new-risks-1
                topics: [risks]
                part_of: new-risks
                text: >-
                  Les risques sont: • Apparition d'un hématome au niveau du point de ponction
              - id: new-risks-2
                topics: [risks]
                part_of: new-risks
                text: • Décès (exceptionnel)
            """);

        Assert.Contains("the items of part_of 'new-risks' do not follow each other in the source",
            error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ATopicWithoutCueWordsForTheDocumentsLanguage_IsNamed()
    {
        var dialogs = TestContent.CopyDialogs();
        var topics = Path.Combine(dialogs, "topics.yaml");
        var withoutItalianFastingCues = File.ReadAllLines(topics)
            .Where(l => !l.StartsWith("      it: [digiun", StringComparison.Ordinal));
        File.WriteAllLines(topics, withoutItalianFastingCues);

        var error = Single("""
              - id: new-fasting-1
                topics: [fasting]
                text: Mangiare è vietato prima.
            """, dialogs, language: "it");

        Assert.Contains("topic 'fasting' has no cue words for 'it' in dialogs/topics.yaml",
            error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Les risques sont: • Apparition d'un hématome • Infection, sepsis", 3)]
    [InlineData("- Par une ponction, il introduit une aiguille (« trocart »). - Il s’effectue une ablation.", 2)]
    [InlineData("Il survient rapidement après l’intervention . Cet hématome disparait spontanément.", 2)]
    [InlineData("Le cemento acrilico (polimetilmetacrilato - PMMA) si solidifica in circa 10-15 minuti.", 1)]
    public void Sentences_CountListItemsAsSentences_NotADashInsideOne(string text, int count) =>
        Assert.Equal(count, SnippetChecks.Sentences(text).Count);

    /// <summary>Validates dialogs/ plus a sixth document holding these snippets: the one error reported.</summary>
    private static ContentError Single(string snippets, string? dialogs = null, string language = "fr")
    {
        dialogs ??= TestContent.CopyDialogs();
        File.WriteAllText(Path.Combine(dialogs, "sources", "005_new.txt"), Source);
        var yaml = $"""
            id: nouveau
            source: 005_new.txt
            title: Nouveau
            language: {language}
            procedures: [vertebral_cementoplasty]
            snippets:

            """ + snippets;
        File.WriteAllText(Path.Combine(dialogs, "documents", "005-nouveau.yaml"), yaml);

        var (_, errors) = ContentLoader.LoadWithErrors(dialogs);

        var error = Assert.Single(errors);
        Assert.Equal("dialogs/documents/005-nouveau.yaml", error.File);
        var lines = yaml.Split('\n');
        var firstText = Array.FindIndex(lines, l => l.TrimStart().StartsWith("text:", StringComparison.Ordinal));
        Assert.Equal(firstText + 1, error.Line);
        return error;
    }
}
