namespace Chatbot.Core.Content;

/// <summary>One problem in <c>dialogs/</c>, located so an editor can fix it without reading C#.</summary>
public sealed record ContentError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <summary>Thrown at start-up when the content does not validate: the bot never runs on broken content.</summary>
public sealed class ContentException(IReadOnlyList<ContentError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ContentError> errors) =>
        $"dialogs/ has {errors.Count} error(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Take(50));
}
