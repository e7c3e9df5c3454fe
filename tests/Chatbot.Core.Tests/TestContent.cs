using Chatbot.Core.Content;
using Chatbot.Core.Conversation;

namespace Chatbot.Core.Tests;

/// <summary>The shipped <c>dialogs/</c>, loaded once for all tests (it is immutable).</summary>
public static class TestContent
{
    private static readonly Lazy<ChatContent> Loaded = new(() => ContentLoader.Load(DialogsFolder));
    private static readonly Lazy<Assistant> Shared = new(() => new Assistant(Loaded.Value));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string DialogsFolder => Path.Combine(RepositoryRoot, "dialogs");

    public static ChatContent Content => Loaded.Value;

    public static Assistant Assistant => Shared.Value;

    /// <summary>A writable copy of dialogs/ for tests that break it on purpose.</summary>
    public static string CopyDialogs()
    {
        var target = Path.Combine(Path.GetTempPath(), "chatbot-dialogs-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(DialogsFolder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(DialogsFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chatbot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Chatbot.sln not found above " + AppContext.BaseDirectory);
    }
}
