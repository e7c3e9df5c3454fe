using Chatbot.Core.Knowledge;

namespace Chatbot.Core.Conversation;

/// <summary>
/// What the bot decided to do with one message. A closed set: every case is in this file. Decided by the
/// ordered policies of <see cref="Assistant"/>, written into a reply by <see cref="Replies"/>.
/// </summary>
public abstract record Decision
{
    private protected Decision()
    {
    }

    /// <summary>What the message was about, in the labels of <c>dialogs/topics.yaml</c>.</summary>
    public required string Topic { get; init; }

    public double Confidence { get; init; } = 1;

    /// <summary>The team offered under the reply: a "yes" next reaches staff.</summary>
    public TeamOffer? Offer { get; init; }
}

/// <param name="Reason">One of <see cref="EscalationReasons"/>.</param>
/// <param name="Because">The reply key of the plain sentence saying why, if there is one.</param>
public sealed record TeamOffer(string Reason, string? Because = null);

/// <summary>Quotes of the documents (with <see cref="Decision.Offer"/>: an answer and the team).</summary>
public sealed record Answer(IReadOnlyList<Passage> Passages) : Decision
{
    /// <summary>Questions of the same message the documents do not answer, said so after the quotes.</summary>
    public IReadOnlyList<string> NotAnswered { get; init; } = [];

    /// <summary>The message asked more questions than one reply quotes for: said, so none seems forgotten.</summary>
    public bool MoreQuestions { get; init; }
}

/// <summary>The documents say nothing on this for these procedures: said plainly, and the team offered.</summary>
public sealed record NotInTheDocuments(IReadOnlyList<string> Procedures) : Decision;

/// <summary>The documents differ by procedure: which one is it?</summary>
public sealed record Clarify(IReadOnlyList<string> Procedures) : Decision;

/// <summary>
/// The emergency numbers, or for a crisis the crisis lines too, and the team alerted: a new escalation,
/// or the one already open for this emergency (<paramref name="OpenEscalation"/>).
/// </summary>
/// <param name="Again">Said after the guidance already given: waiting is not advised.</param>
public sealed record Emergency(bool IsCrisis, string? RedFlag, string? OpenEscalation, bool Again) : Decision;

/// <summary>A person is needed now: an escalation is created and a call-back offered.</summary>
public sealed record Escalate(string Reason, string ReplyKey) : Decision;

/// <summary>Staff are answering this conversation: the message goes to them.</summary>
public sealed record RelayToStaff(string EscalationId) : Decision;

/// <summary>The patient gave a number or e-mail to be called back on.</summary>
public sealed record CallbackNoted(string EscalationId, string Contact) : Decision;

/// <summary>Hello, thanks, goodbye, "no thank you", or a subject the bot does not cover.</summary>
/// <param name="KeepsOffer">The offer made just before stays open ("ok merci" is not a no).</param>
public sealed record SmallTalk(string ReplyKey, bool KeepsOffer = false) : Decision;

/// <summary>Not understood (or empty, or another language): said so, with the common questions as buttons.</summary>
public sealed record Fallback(string ReplyKey, string? Language = null) : Decision;

/// <summary>
/// One of the patient's own commands (Understanding/PatientCommands): what the bot can do, what it keeps,
/// forgetting the conversation (asked, then confirmed or not), starting over.
/// </summary>
/// <param name="Command">One of <see cref="SelfServiceCommands"/>.</param>
public sealed record SelfService(string Command) : Decision
{
    /// <summary>The request open with the team when the patient asked to be forgotten.</summary>
    public string? ErasedRequest { get; init; }
}

/// <summary>What a <see cref="SelfService"/> decision does; the first four are what the patient asks.</summary>
public static class SelfServiceCommands
{
    public const string Help = Understanding.PatientCommands.Help;
    public const string WhatWeKnow = Understanding.PatientCommands.WhatWeKnow;
    public const string ForgetMe = Understanding.PatientCommands.ForgetMe;
    public const string StartOver = Understanding.PatientCommands.StartOver;

    /// <summary>"Yes" to "shall I forget?": the conversation is erased.</summary>
    public const string Forgotten = "forgotten";

    /// <summary>"No" to "shall I forget?": nothing erased.</summary>
    public const string KeptAfterAll = "kept";
}
