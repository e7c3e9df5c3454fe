using Chatbot.Core.Conversation;
using Chatbot.Core.Evaluation;
using Chatbot.Core.Understanding;

namespace Chatbot.Core.Tests.Understanding;

/// <summary>A cold instance loads the understanding a publish stored; it must be the same understanding, or none.</summary>
public class UnderstandingSnapshotTests
{
    private static readonly Lazy<byte[]> Stored = new(() =>
    {
        using var stream = new MemoryStream();
        UnderstandingSnapshot.Write(stream, TestContent.Assistant.Understander);
        return stream.ToArray();
    });

    [Fact]
    public void ALoadedSnapshot_UnderstandsEveryMessage_ExactlyAsTraining()
    {
        var loaded = Read(Stored.Value, TestContent.Content, out var reason);

        Assert.Equal("loaded", reason);
        var assistant = new Assistant(TestContent.Content, loaded!);
        var messages = LabelledSet.Read(Path.Combine(TestContent.RepositoryRoot, "tests", "eval", "messages.jsonl"))
            .SelectMany(c => c.Turns).Select(t => t.Text)
            .Concat(["quanto costa la cementoplastica", "¿duele mucho?", "fivre 40 aprés vertebroplastei", ""]);
        foreach (var text in messages)
        {
            var trained = TestContent.Assistant.Reply(ConversationState.New, text);
            var fromSnapshot = assistant.Reply(ConversationState.New, text);
            Assert.Equal(trained.Result with { Citations = [], SuggestedActions = [] }, fromSnapshot.Result with { Citations = [], SuggestedActions = [] });
            Assert.Equal(trained.Result.Citations, fromSnapshot.Result.Citations);
            Assert.Equal(trained.Result.SuggestedActions, fromSnapshot.Result.SuggestedActions);
        }
    }

    [Fact]
    public void ASnapshotOfOtherContent_IsNotUsed()
    {
        var edited = TestContent.Content with { Version = "0123456789ab" };

        Assert.Null(Read(Stored.Value, edited, out var reason));
        Assert.Equal($"trained on content {TestContent.Content.Version}, not 0123456789ab", reason);
    }

    [Fact]
    public void ASnapshotFromABuildThatReadsExamplesDifferently_IsNotUsed()
    {
        // Same version string, other examples: what a changed tokeniser or feature set looks like to the check.
        var changed = TestContent.Content with { Examples = [.. TestContent.Content.Examples.Skip(1)] };

        Assert.Null(Read(Stored.Value, changed, out var reason));
        Assert.Equal("written by a build that reads the examples differently", reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(100)]
    [InlineData(50_000)]
    public void ATruncatedSnapshot_IsNotUsed_AndThrowsNothing(int keptBytes)
    {
        Assert.Null(Read(Stored.Value[..keptBytes], TestContent.Content, out var reason));
        Assert.Equal("unreadable (EndOfStreamException)", reason);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    public void AClassifierWithAnEntryOutsideItsTopics_OrRowsOutOfOrder_IsRefusedWhenRead(int topic, int end)
    {
        // Two topics, one feature: one entry whose topic (or whose row end) is out of range.
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(2);
            writer.Write("fasting");
            writer.Write("risks");
            UnderstandingSnapshot.WriteArray<ulong>(writer, [42UL]);
            UnderstandingSnapshot.WriteArray<double>(writer, [-1.0, -1.0]);
            UnderstandingSnapshot.WriteArray<int>(writer, [0, end]);
            UnderstandingSnapshot.WriteArray<int>(writer, [topic == 0 ? 7 : 1]);
            UnderstandingSnapshot.WriteArray<float>(writer, [1f]);
            UnderstandingSnapshot.WriteArray<float>(writer, [1f]);
        }
        bytes.Position = 0;
        using var reader = new BinaryReader(bytes);
        Assert.Throws<InvalidDataException>(() => TopicClassifier.Read(reader));
    }

    [Fact]
    public void AnotherFile_IsNotTakenForASnapshot()
    {
        Assert.Null(Read("language: fr\nexamples:\n"u8.ToArray(), TestContent.Content, out var reason));
        Assert.Equal("not a snapshot of this format", reason);
    }

    private static Understander? Read(byte[] bytes, Chatbot.Core.Content.ChatContent content, out string reason)
    {
        using var stream = new MemoryStream(bytes);
        return UnderstandingSnapshot.TryRead(stream, content, out reason);
    }
}
