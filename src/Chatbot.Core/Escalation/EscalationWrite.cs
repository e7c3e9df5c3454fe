using Chatbot.Core.Conversation;

namespace Chatbot.Core.Escalation;

/// <summary>
/// What a patient's turn changes in the escalations, committed by the host with the conversation
/// state: a new escalation, or a change to one already stored.
/// </summary>
public abstract record EscalationWrite(string EscalationId);

/// <summary>A new escalation, with its notifications.</summary>
public sealed record EscalationOpened(EscalationRecord Record) : EscalationWrite(Record.Id);

/// <summary>A change to a stored escalation, made by the record's own transition.</summary>
public abstract record EscalationChanged(string EscalationId) : EscalationWrite(EscalationId)
{
    public abstract EscalationRecord Apply(EscalationRecord record);

    /// <summary>Whether staff are notified of the change.</summary>
    public virtual bool Notifies => false;
}

/// <summary>During a handoff: the patient's (masked) message, added to the escalation and notified.</summary>
public sealed record MessageRelayed(string EscalationId, TranscriptLine Line, DateTimeOffset At)
    : EscalationChanged(EscalationId)
{
    public override EscalationRecord Apply(EscalationRecord record) => record.AddMessage(Line, At);

    public override bool Notifies => true;
}

/// <summary>The patient gave a phone number or e-mail to be called back.</summary>
public sealed record ContactGiven(string EscalationId, string Contact, DateTimeOffset At)
    : EscalationChanged(EscalationId)
{
    public override EscalationRecord Apply(EscalationRecord record) => record.GiveContact(Contact, At);
}

/// <summary>The patient asked to be forgotten: the escalation loses their words (EscalationRecord.ForgetPatient).
/// </summary>
public sealed record PatientForgotten(string EscalationId, DateTimeOffset At) : EscalationChanged(EscalationId)
{
    public override EscalationRecord Apply(EscalationRecord record) => record.ForgetPatient(At);
}
