namespace Chatbot.Core.Escalation;

/// <summary>An escalation's statuses (values are part of the staff API) and the moves between them.</summary>
public static class EscalationStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    /// <summary>
    /// The status after <paramref name="action"/>, or null if the action is not allowed from
    /// <paramref name="status"/>. A patient's message or contact is kept whatever the status: it
    /// may race with a staff member resolving, and is never lost for that.
    /// </summary>
    public static string? After(string status, string action) => (status, action) switch
    {
        (Open, EscalationActions.Created) => Open,
        (Open, EscalationActions.Acknowledged) => Acknowledged,
        (Open or Acknowledged, EscalationActions.Replied) => Acknowledged,
        (Open or Acknowledged, EscalationActions.Resolved) => Resolved,
        (_, EscalationActions.Message or EscalationActions.CallbackRequested) => status,
        // A patient's request to be forgotten is never refused, whatever staff did.
        (_, EscalationActions.ErasureRequested) => status,
        _ => null,
    };
}

/// <summary>The actions of the audit trail. Values are stored and shown by the console.</summary>
public static class EscalationActions
{
    public const string Created = "created";
    public const string Acknowledged = "acknowledged";
    public const string Replied = "replied";
    public const string Resolved = "resolved";
    public const string Message = "message";
    public const string CallbackRequested = "callback_requested";
    public const string ErasureRequested = "erasure_requested";
}
