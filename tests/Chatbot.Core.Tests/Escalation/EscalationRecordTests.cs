using Chatbot.Core.Conversation;
using Chatbot.Core.Escalation;

namespace Chatbot.Core.Tests.Escalation;

/// <summary>An escalation's life, as staff and the patient move it: each step audited, illegal ones refused.</summary>
public class EscalationRecordTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static EscalationRecord Opened() => EscalationRecord.Open(
        "esc-1", EscalationReasons.Emergency, "fr", "emergency", "vertebroplasty",
        [new TranscriptLine("patient", "j'ai 40 de fièvre")],
        new ConversationReference(
            "http://127.0.0.1:9/", "emulator", "c1", new Participant("bot"), new Participant("u1"), "fr-FR"),
        Nine);

    [Fact]
    public void OpenAcknowledgeReplyResolve_EachStepMovesTheStatus_AndIsAudited()
    {
        var opened = Opened();
        var acknowledged = opened.Acknowledge("nurse@chu", Nine.AddMinutes(2));
        var replied = acknowledged.Reply("nurse@chu", "Nous vous appelons.", Nine.AddMinutes(3));
        var resolved = replied.Resolve("nurse@chu", Nine.AddMinutes(9));

        Assert.Equal(
            ["open", "acknowledged", "acknowledged", "resolved"],
            new[] { opened, acknowledged, replied, resolved }.Select(e => e.Status));
        Assert.Equal(["bot created emergency", "nurse@chu acknowledged ", "nurse@chu replied Nous vous appelons.",
            "nurse@chu resolved "], resolved.History.Select(h => $"{h.Who} {h.Action} {h.Note}"));
        Assert.Equal(Nine.AddMinutes(9), resolved.History[^1].At);
        Assert.Equal(EscalationStatus.Open, opened.Status); // pure: the record it came from is unchanged
    }

    [Fact]
    public void AReplyToAnOpenEscalation_AcknowledgesIt_AndTheAuditKeepsALongReplyShort()
    {
        var replied = Opened().Reply("nurse@chu", new string('x', 500), Nine);

        Assert.Equal(EscalationStatus.Acknowledged, replied.Status);
        Assert.Equal(200, replied.History[^1].Note!.Length);
    }

    [Fact]
    public void AResolvedEscalation_RefusesEveryStaffAction()
    {
        var resolved = Opened().Resolve("nurse@chu", Nine);

        var refused = Assert.Throws<EscalationTransitionRefused>(() => resolved.Acknowledge("nurse@chu", Nine));
        Assert.Equal(EscalationStatus.Resolved, refused.Status);
        Assert.Throws<EscalationTransitionRefused>(() => resolved.Reply("nurse@chu", "Bonjour", Nine));
        Assert.Throws<EscalationTransitionRefused>(() => resolved.Resolve("nurse@chu", Nine));
    }

    [Fact]
    public void AnAcknowledgedEscalation_IsNotAcknowledgedTwice()
    {
        var acknowledged = Opened().Acknowledge("nurse@chu", Nine);

        Assert.Throws<EscalationTransitionRefused>(() => acknowledged.Acknowledge("doctor@chu", Nine));
    }

    [Fact]
    public void ThePatientsMessageAndContact_AreKeptWhateverTheStatus()
    {
        var resolved = Opened().Resolve("nurse@chu", Nine);

        var changed = resolved.AddMessage(new TranscriptLine("patient", "merci"), Nine).GiveContact("0612345678", Nine);

        Assert.Equal((EscalationStatus.Resolved, "merci"), (changed.Status, changed.Transcript[^1].Text));
        Assert.Equal("0612345678", changed.Contact);
        Assert.Equal(["message", "callback_requested"], changed.History.TakeLast(2).Select(h => h.Action));
    }
}
