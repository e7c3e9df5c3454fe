using System.Text.Json.Serialization;
using Chatbot.Core.Escalation;

namespace Chatbot.Functions.Escalations;

/// <summary>What a notification channel receives: never the raw patient text or contact details.</summary>
public sealed record EscalationNotice(
    string EscalationId, string Reason, string Language, string Topic, string? Procedure,
    string Summary, string ConsoleUrl, DateTimeOffset CreatedAt, string IdempotencyKey);

/// <summary>The stored and served JSON of escalations: the shape rows written before still have.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EscalationRecord))]
[JsonSerializable(typeof(EscalationNotice))]
[JsonSerializable(typeof(IReadOnlyList<EscalationRecord>))]
public sealed partial class EscalationJson : JsonSerializerContext;
