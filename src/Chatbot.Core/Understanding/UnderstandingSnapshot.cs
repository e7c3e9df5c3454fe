using System.Runtime.InteropServices;
using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>What training learns from the content: the known words, the topic model, the language models.</summary>
public sealed record TrainedUnderstanding(Vocabulary Vocabulary, TopicClassifier Classifier, LanguageDetector Languages);

/// <summary>
/// The trained understanding stored in a file, written when the handler is published and loaded by
/// a cold instance instead of training (training was over half of a cold start; docs/decisions/007).
/// A snapshot is only used for the very content it was trained on, and only if today's code still
/// reads the examples the same way; otherwise the caller trains, as without a snapshot.
/// </summary>
public static class UnderstandingSnapshot
{
    /// <summary>The file name, beside the executable.</summary>
    public const string FileName = "understanding.snapshot";

    /// <summary>Bump when what is stored changes shape.</summary>
    private const int Format = 6;
    private const uint Magic = 0x43425553; // "CBUS"
    private const int MaxArrayLength = 64 << 20;

    /// <summary>Stores what <paramref name="understander"/> learnt, under the version of the content it learnt it from.</summary>
    public static void Write(Stream stream, Understander understander)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Format);
        writer.Write(understander.Content.Version);
        writer.Write(understander.ReadingFingerprint());
        var trained = understander.Trained;
        trained.Vocabulary.Write(writer);
        trained.Classifier.Write(writer);
        trained.Languages.Write(writer);
    }

    /// <summary>The stored understanding, or null with the reason it cannot be used (stale, damaged, another format).</summary>
    public static Understander? TryRead(Stream stream, ChatContent content, out string reason)
    {
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Format)
            {
                reason = "not a snapshot of this format";
                return null;
            }
            if (reader.ReadString() is var version && version != content.Version)
            {
                reason = $"trained on content {version}, not {content.Version}";
                return null;
            }
            var fingerprint = reader.ReadUInt64();
            var trained = new TrainedUnderstanding(Vocabulary.Read(reader), TopicClassifier.Read(reader), LanguageDetector.Read(reader));
            var understander = new Understander(content, trained);
            if (understander.ReadingFingerprint() != fingerprint)
            {
                reason = "written by a build that reads the examples differently";
                return null;
            }
            reason = "loaded";
            return understander;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or ArgumentException or FormatException)
        {
            reason = $"unreadable ({e.GetType().Name})";
            return null;
        }
    }

    internal static void WriteArray<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    internal static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        if (length is < 0 or > MaxArrayLength) throw new InvalidDataException($"array of {length} items");
        var values = new T[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        while (bytes.Length > 0)
        {
            var read = reader.Read(bytes);
            if (read == 0) throw new EndOfStreamException();
            bytes = bytes[read..];
        }
        return values;
    }
}
