using System.Text.Json;
using Chatbot.Core.Conversation;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>The bytes a recent state is kept as in memory give back the very state that was saved.</summary>
public class StateBytesTests
{
    /// <summary>Every property away from its default: one left out of <see cref="StateBytes"/> would come back different.</summary>
    private static readonly ConversationState Full = new()
    {
        Language = "it",
        Procedures = ["vertebral_cementoplasty", "bone_metastasis_cementoplasty"],
        LastTopic = "risks",
        PendingTopic = "fasting",
        FallbackCount = 1,
        DisclaimerShown = true,
        OfferedEscalation = "medical_advice",
        Discussed = ["vertebral_cementoplasty", "osteosynthesis"],
        LastQuestions = ["anesthesia", "hospital_stay"],
        Turns = 12,
        Handoff = "esc-42",
        OpenEscalation = "esc-42",
        CallbackAsked = true,
        OpenEscalationReason = "emergency",
        ForgetMeAsked = true,
        ReportedEmergency = "crisis",
        ProcedureAssumed = true,
        LastMessageAt = new DateTimeOffset(2026, 12, 7, 10, 30, 15, TimeSpan.Zero),
        Transcript = [new TranscriptLine("patient", "mia madre ha 82 anni, è pericoloso ? 🙏"), new TranscriptLine("bot", "[answer/risks] « Les complications sont rares… » [1]")],
    };

    [Fact]
    public void AStateWithEveryPropertySet_ComesBackTheSame()
    {
        var buffer = Array.Empty<byte>();
        var length = StateBytes.Write(Full, ref buffer);

        Assert.Equal(Json(Full), Json(StateBytes.Read(buffer.AsSpan(0, length))));
    }

    [Fact]
    public void TheTestStateSetsEveryProperty_SoANewOneCannotBeForgotten()
    {
        var defaults = Json(ConversationState.New);
        using var full = JsonDocument.Parse(Json(Full));
        using var none = JsonDocument.Parse(defaults);
        foreach (var property in full.RootElement.EnumerateObject())
        {
            Assert.NotEqual(none.RootElement.GetProperty(property.Name).GetRawText(), property.Value.GetRawText());
        }
        Assert.Equal(typeof(ConversationState).GetProperties().Length, full.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void TheNewState_AndAnEmptyBuffer_RoundTrip()
    {
        var buffer = Array.Empty<byte>();
        var length = StateBytes.Write(ConversationState.New, ref buffer);

        Assert.Equal(Json(ConversationState.New), Json(StateBytes.Read(buffer.AsSpan(0, length))));
    }

    private static string Json(ConversationState state) => JsonSerializer.Serialize(state, ChatbotJson.Default.ConversationState);
}
