using Chatbot.Functions.Tests;

namespace Chatbot.Web.Tests;

/// <summary>A copy of dialogs/ with changes for one test: no document has a link yet, the tests need one that has.</summary>
public static class Content
{
    public const string OsteosynthesisUrl = "https://www.ch-bretagne-atlantique.fr/osteosynthese-percutanee";

    /// <summary>dialogs/ where the osteosynthesis document links to <see cref="OsteosynthesisUrl"/>.</summary>
    public static string WithALinkedDocument()
    {
        var copy = Repository.CopyOfDialogs();
        var document = Path.Combine(copy, "documents", "003-osteosynthese-percutanee.yaml");
        File.WriteAllText(document, File.ReadAllText(document).Replace("url: null", $"url: {OsteosynthesisUrl}", StringComparison.Ordinal));
        return copy;
    }
}
