using Chatbot.Core.Content;

namespace Chatbot.Core.Tests.Content;

public class ContentValidationTests
{
    [Fact]
    public void ShippedDialogs_AreValid()
    {
        var (content, errors) = ContentLoader.LoadWithErrors(TestContent.DialogsFolder);
        Assert.Empty(errors);
        Assert.Equal(5, content!.Documents.Count);
        Assert.All(ChatContent.SupportedLanguages, l => Assert.True(content.Examples.Count(e => e.Language == l) > 400));
    }

    [Fact]
    public void ShippedSnippets_NeverQuoteTheNewsletterFooterOrReadAlsoLinks()
    {
        Assert.DoesNotContain(TestContent.Content.Snippets, s =>
            s.Text.Contains("abonnant", StringComparison.Ordinal) || s.Text.Contains("adresse mail", StringComparison.Ordinal)
            || s.Text.Contains("A lire aussi", StringComparison.Ordinal) || s.Text.Contains("infiltrations", StringComparison.Ordinal));
    }

    [Fact]
    public void SnippetEditedAwayFromItsSource_FailsWithFileLineAndWhereItDiffers()
    {
        var dialogs = TestContent.CopyDialogs();
        var file = Path.Combine(dialogs, "documents", "002-cimentoplastie-metastases.yaml");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text.Replace("La reprise de la marche peut s’effectuer 2h", "La reprise de la marche peut s’effectuer 1h", StringComparison.Ordinal));
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.Contains("1h après", StringComparison.Ordinal)) + 1;

        var (_, errors) = ContentLoader.LoadWithErrors(dialogs);

        var error = Assert.Single(errors);
        Assert.Equal("dialogs/documents/002-cimentoplastie-metastases.yaml", error.File);
        Assert.InRange(error.Line, line - 2, line);
        Assert.Contains("not verbatim", error.Reason, StringComparison.Ordinal);
        Assert.Contains("peut s’effectuer ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlSyntaxError_FailsStartUpWithFileAndLine()
    {
        var dialogs = TestContent.CopyDialogs();
        var file = Path.Combine(dialogs, "topics.yaml");
        File.AppendAllText(file, "  - id: broken\n    kind: [answer\n");

        var failure = Assert.Throws<ContentException>(() => ContentLoader.Load(dialogs));

        var error = Assert.Single(failure.Errors);
        Assert.True(error.File == "dialogs/topics.yaml" && error.Line > 1 && error.Reason.StartsWith("YAML syntax", StringComparison.Ordinal), error.ToString());
        // Only the syntax error: not thousands of "unknown topic" for every example once topics.yaml is unreadable.
    }

    [Fact]
    public void UnclosedFlowCollection_InAList_FailsWithFileAndLine_NotAnException()
    {
        var dialogs = TestContent.CopyDialogs();
        var file = Path.Combine(dialogs, "language", "fr.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("decision_questions: [", "decision_questions: {oops: [", StringComparison.Ordinal));

        var failure = Assert.Throws<ContentException>(() => ContentLoader.Load(dialogs));

        var error = Assert.Single(failure.Errors);
        Assert.True(error.File == "dialogs/language/fr.yaml" && error.Line > 1 && error.Reason.StartsWith("YAML syntax", StringComparison.Ordinal), error.ToString());
    }

    [Fact]
    public void AProceduresConditions_InAnUnknownLanguage_OrNotAList_FailWithFileAndLine()
    {
        var dialogs = TestContent.CopyDialogs();
        var file = Path.Combine(dialogs, "procedures.yaml");
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("      fr: [tassement, tassements,", "      fr: {bad: map}\n      fra: [tassement, tassements,",
                StringComparison.Ordinal));

        var (_, errors) = ContentLoader.LoadWithErrors(dialogs);

        Assert.Contains(errors, e => e.File == "dialogs/procedures.yaml" && e.Line > 1
            && e.Reason == "'conditions' must be a list");
        Assert.Contains(errors, e => e.File == "dialogs/procedures.yaml" && e.Line > 1
            && e.Reason.Contains("'fra' is not one of fr, it, en", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownTopicOnASnippet_AndMissingReply_AreBothReported()
    {
        var dialogs = TestContent.CopyDialogs();
        var document = Path.Combine(dialogs, "documents", "001-cimentoplastie-vertebrale.yaml");
        File.WriteAllText(document, File.ReadAllText(document).Replace("topics: [anesthesia", "topics: [anaesthesia", StringComparison.Ordinal));
        var replies = Path.Combine(dialogs, "replies", "it.yaml");
        File.WriteAllLines(replies, File.ReadAllLines(replies).Where(l => !l.StartsWith("  option_no:", StringComparison.Ordinal)));

        var (_, errors) = ContentLoader.LoadWithErrors(dialogs);

        Assert.Contains(errors, e => e.File.EndsWith("001-cimentoplastie-vertebrale.yaml", StringComparison.Ordinal) && e.Reason.Contains("'anaesthesia'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "dialogs/replies/it.yaml" && e.Reason.Contains("option_no", StringComparison.Ordinal));
    }

    [Fact]
    public void SixthDocument_IsAContentChangeOnly()
    {
        var dialogs = TestContent.CopyDialogs();
        File.WriteAllText(Path.Combine(dialogs, "sources", "005_new.txt"), "Le jour de l'intervention, vous pouvez boire de l'eau jusqu'à deux heures avant.\n");
        File.WriteAllText(Path.Combine(dialogs, "documents", "005-consignes.yaml"), """
            id: consignes-vertebrales
            source: 005_new.txt
            title: Consignes avant la vertébroplastie
            publisher: Service de radiologie
            url: https://example.org/consignes
            language: fr
            procedures: [vertebral_cementoplasty]
            snippets:
              - id: consignes-fasting-1
                topics: [fasting]
                text: Le jour de l'intervention, vous pouvez boire de l'eau jusqu'à deux heures avant.
            """);
        var assistant = new Chatbot.Core.Conversation.Assistant(ContentLoader.Load(dialogs));

        var chat = new Conversation.Transcript(assistant).Send("faut il etre a jeun avant ma vertebroplastie ?");

        chat.Expect("answer", "fasting", "vertebral_cementoplasty").ExpectQuotesFrom("consignes-vertebrales");
        Assert.Equal("https://example.org/consignes", chat.Last.Citations[0].Url);
    }
}
