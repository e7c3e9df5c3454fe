namespace Chatbot.Core.Conversation;

/// <summary>What the bot remembers of a conversation between turns. Stored as JSON by the host.</summary>
public sealed record ConversationState
{
    public static readonly ConversationState New = new();

    /// <summary>fr, it or en, once known.</summary>
    public string? Language { get; init; }

    /// <summary>The procedures the patient may be talking about: one once known, several after a family name.</summary>
    public IReadOnlyList<string> Procedures { get; init; } = [];

    /// <summary>Every procedure named in the conversation, in order: "and for the other one?" is one of them.</summary>
    public IReadOnlyList<string> Discussed { get; init; } = [];

    public string? LastTopic { get; init; }

    /// <summary>The topics of a message that asked several questions: "et pour l'autre ?" asks them all.</summary>
    public IReadOnlyList<string> LastQuestions { get; init; } = [];

    /// <summary>A topic waiting for the patient to say which procedure.</summary>
    public string? PendingTopic { get; init; }

    /// <summary>Misunderstandings in a row: at two, staff are offered.</summary>
    public int FallbackCount { get; init; }

    public bool DisclaimerShown { get; init; }

    /// <summary>The reason of an escalation offered and not yet accepted or declined.</summary>
    public string? OfferedEscalation { get; init; }

    public int Turns { get; init; }

    /// <summary>
    /// Set by the host once staff have replied to an escalation, cleared when they resolve it: the
    /// patient's messages then go to staff instead of being answered by the bot.
    /// </summary>
    public string? Handoff { get; init; }

    /// <summary>The escalation opened in this conversation (set by the host once stored).</summary>
    public string? OpenEscalation { get; init; }

    /// <summary>
    /// Why <see cref="OpenEscalation"/> was opened: an emergency stays with staff when a patient is forgotten.
    /// </summary>
    public string? OpenEscalationReason { get; init; }

    /// <summary>
    /// "emergency" or "crisis" once one is reported, until staff resolve its escalation: however many
    /// questions come between, "it's better now" or "can I wait until tomorrow?" gets its guidance again.
    /// </summary>
    public string? ReportedEmergency { get; init; }

    /// <summary>
    /// The procedure was not named but taken from a family word ("cementoplastica", in Italian, for the one
    /// document in Italian): each answer says what that document covers and offers the others.
    /// </summary>
    public bool ProcedureAssumed { get; init; }

    /// <summary>The bot just offered to be called back: the next message may be a phone number or e-mail.</summary>
    public bool CallbackAsked { get; init; }

    /// <summary>The bot just asked "shall I forget this conversation?": a yes next erases it.</summary>
    public bool ForgetMeAsked { get; init; }

    /// <summary>When the last message came: after a long silence the next one starts a fresh context.</summary>
    public DateTimeOffset? LastMessageAt { get; init; }

    /// <summary>The last messages, personal data masked: what staff see when the conversation is escalated.</summary>
    public IReadOnlyList<TranscriptLine> Transcript { get; init; } = [];

    /// <summary>
    /// "On recommence", or a message after a long silence: what the bot assumed (procedure, topic, pending
    /// question, offer) is dropped. Kept: the language, the request open with the team and its transcript,
    /// and an emergency just reported, whose guidance must still come first.
    /// </summary>
    public ConversationState FreshContext() => New with
    {
        Language = Language, Turns = Turns, DisclaimerShown = DisclaimerShown, Handoff = Handoff,
        OpenEscalation = OpenEscalation, OpenEscalationReason = OpenEscalationReason,
        ReportedEmergency = ReportedEmergency, Transcript = Transcript, LastMessageAt = LastMessageAt,
        LastTopic = LastTopic is "emergency" or "crisis" ? LastTopic : null,
    };

    /// <summary>
    /// Staff resolved this escalation: staff leave the chat, a pending call-back offer lapses, and once it is no
    /// longer the open one, the emergency it carried is over: a later emergency opens a new escalation.
    /// </summary>
    public ConversationState Resolved(string escalation)
    {
        var open = OpenEscalation == escalation;
        return this with
        {
            Handoff = Handoff == escalation ? null : Handoff, CallbackAsked = false,
            OpenEscalation = open ? null : OpenEscalation, ReportedEmergency = open ? null : ReportedEmergency,
        };
    }
}

/// <param name="From">"patient" or "bot".</param>
public sealed record TranscriptLine(string From, string Text);
