using System.Buffers.Binary;
using System.Text;
using Chatbot.Core.Conversation;

namespace Chatbot.Functions.State;

/// <summary>
/// A conversation's state as compact bytes, for what this process keeps in memory only (the file
/// and Azure keep the JSON of <c>ChatbotJson</c>). Reading JSON back was a tenth of the CPU of a turn
/// under load; these bytes read in a fraction of that. <c>StateBytesTests</c> fails when a property
/// of <see cref="ConversationState"/> is added and not written here.
/// </summary>
internal static class StateBytes
{
    /// <summary>Writes the state into <paramref name="buffer"/>, growing it if needed; returns the length.</summary>
    public static int Write(ConversationState state, ref byte[] buffer)
    {
        var writer = new Writer(buffer);
        writer.Text(state.Language);
        writer.Number(state.Procedures.Count);
        foreach (var procedure in state.Procedures) writer.Text(procedure);
        writer.Number(state.Discussed.Count);
        foreach (var procedure in state.Discussed) writer.Text(procedure);
        writer.Number(state.LastQuestions.Count);
        foreach (var topic in state.LastQuestions) writer.Text(topic);
        writer.Text(state.LastTopic);
        writer.Text(state.PendingTopic);
        writer.Number(state.FallbackCount);
        writer.Flag(state.DisclaimerShown);
        writer.Text(state.OfferedEscalation);
        writer.Number(state.Turns);
        writer.Text(state.Handoff);
        writer.Text(state.OpenEscalation);
        writer.Flag(state.CallbackAsked);
        writer.Text(state.OpenEscalationReason);
        writer.Flag(state.ForgetMeAsked);
        writer.Time(state.LastMessageAt);
        writer.Text(state.ReportedEmergency);
        writer.Flag(state.ProcedureAssumed);
        writer.Number(state.Transcript.Count);
        foreach (var line in state.Transcript)
        {
            writer.Text(line.From);
            writer.Text(line.Text);
        }
        buffer = writer.Buffer;
        return writer.Length;
    }

    public static ConversationState Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var language = reader.Text();
        var procedures = new string[reader.Number()];
        for (var i = 0; i < procedures.Length; i++) procedures[i] = reader.Text()!;
        var discussed = new string[reader.Number()];
        for (var i = 0; i < discussed.Length; i++) discussed[i] = reader.Text()!;
        var lastQuestions = new string[reader.Number()];
        for (var i = 0; i < lastQuestions.Length; i++) lastQuestions[i] = reader.Text()!;
        var state = new ConversationState
        {
            Language = language,
            Procedures = procedures,
            Discussed = discussed,
            LastQuestions = lastQuestions,
            LastTopic = reader.Text(),
            PendingTopic = reader.Text(),
            FallbackCount = reader.Number(),
            DisclaimerShown = reader.Flag(),
            OfferedEscalation = reader.Text(),
            Turns = reader.Number(),
            Handoff = reader.Text(),
            OpenEscalation = reader.Text(),
            CallbackAsked = reader.Flag(),
            OpenEscalationReason = reader.Text(),
            ForgetMeAsked = reader.Flag(),
            LastMessageAt = reader.Time(),
            ReportedEmergency = reader.Text(),
            ProcedureAssumed = reader.Flag(),
        };
        var transcript = new TranscriptLine[reader.Number()];
        for (var i = 0; i < transcript.Length; i++) transcript[i] = new TranscriptLine(reader.Text()!, reader.Text()!);
        return state with { Transcript = transcript };
    }

    private ref struct Writer(byte[] buffer)
    {
        public byte[] Buffer = buffer;
        public int Length;

        public void Number(int value)
        {
            Room(4);
            BinaryPrimitives.WriteInt32LittleEndian(Buffer.AsSpan(Length), value);
            Length += 4;
        }

        /// <summary>UTC ticks, 0 for none.</summary>
        public void Time(DateTimeOffset? value)
        {
            Room(8);
            BinaryPrimitives.WriteInt64LittleEndian(Buffer.AsSpan(Length), value?.UtcTicks ?? 0);
            Length += 8;
        }

        public void Flag(bool value)
        {
            Room(1);
            Buffer[Length++] = value ? (byte)1 : (byte)0;
        }

        /// <summary>Length + 1 (0 for null), then UTF-8.</summary>
        public void Text(string? value)
        {
            if (value is null)
            {
                Number(0);
                return;
            }
            Room(4 + Encoding.UTF8.GetByteCount(value));
            var written = Encoding.UTF8.GetBytes(value, Buffer.AsSpan(Length + 4));
            BinaryPrimitives.WriteInt32LittleEndian(Buffer.AsSpan(Length), written + 1);
            Length += 4 + written;
        }

        private void Room(int bytes)
        {
            if (Length + bytes <= Buffer.Length) return;
            // Rounded up to a kilobyte, so a transcript growing by a line rarely needs a new buffer.
            Array.Resize(ref Buffer, (Length + bytes + 1023) & ~1023);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> bytes = bytes;
        private int position;

        public int Number()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
            position += 4;
            return value;
        }

        public bool Flag() => bytes[position++] == 1;

        public DateTimeOffset? Time()
        {
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(bytes[position..]);
            position += 8;
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        public string? Text()
        {
            var length = Number() - 1;
            if (length < 0) return null;
            var text = Encoding.UTF8.GetString(bytes.Slice(position, length));
            position += length;
            return text;
        }
    }
}
