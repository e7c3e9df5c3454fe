using System.Text.Json;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;

namespace Chatbot.Functions.Tests.Escalations;

public class StoredEscalationTests
{
    /// <summary>A record as both stores wrote it, and the staff API served it, before it moved to Core.</summary>
    internal static readonly string StoredBefore = """
        {"id":"esc-0123456789ab","reason":"emergency","status":"acknowledged","createdAt":"2026-11-23T09:00:00+00:00",
        "language":"fr","topic":"emergency","procedure":"vertebroplasty",
        "transcript":[{"from":"patient","text":"40 de fievre"}],
        "conversation":{"serviceUrl":"http://127.0.0.1:9/","channelId":"emulator","conversationId":"c1",
        "bot":{"id":"bot-id","name":"Assistant","role":"bot"},"user":{"id":"u1","role":"user"},"locale":"fr-FR",
        "key":"emulator:c1"},"history":[{"at":"2026-11-23T09:00:00+00:00","who":"bot","action":"created",
        "note":"emergency"},{"at":"2026-11-23T09:02:00+00:00","who":"nurse@chu","action":"acknowledged"}],
        "contact":"0612345678"}
        """.Replace("\n", "", StringComparison.Ordinal);

    [Fact]
    public void ARecordStoredBefore_ReadsAndWritesBackUnchanged()
    {
        var record = JsonSerializer.Deserialize(StoredBefore, EscalationJson.Default.EscalationRecord)!;

        Assert.Equal((EscalationStatus.Acknowledged, "emulator:c1"), (record.Status, record.Conversation.Key));
        Assert.Equal("0612345678", record.Contact);
        Assert.Equal(StoredBefore, JsonSerializer.Serialize(record, EscalationJson.Default.EscalationRecord));
    }
}
