using System.Text.Json.Serialization;
using Chatbot.BotFramework.Schema;

namespace Chatbot.Functions.DirectLine;

/// <summary>What the browser gets from <c>POST /api/directline/token</c>.</summary>
public sealed record WebChatToken(string Token, string ConversationId, int ExpiresIn, string Domain, string UserId);

/// <summary>Direct Line 3.0 conversation (start, token generate/refresh).</summary>
public sealed record DirectLineConversation(
    string ConversationId, string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

public sealed record DirectLineUser(string Id);

public sealed record TokenRequest(DirectLineUser? User);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LocalToken))]
[JsonSerializable(typeof(WebChatToken))]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(ResourceResponse))]
public sealed partial class DirectLineJson : JsonSerializerContext;
