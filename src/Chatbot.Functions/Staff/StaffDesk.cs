using Chatbot.BotFramework.Schema;
using Chatbot.Core.Content;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Chatbot.Functions.State;
using Chatbot.Functions.Telemetry;

namespace Chatbot.Functions.Staff;

/// <summary>What staff do with an escalation: acknowledge, reply into the patient's chat, resolve. Each action is audited.</summary>
public sealed class StaffDesk(
    IEscalationStore escalations, IConversationStore conversations, PatientChannel patient, ChatContent content, TimeProvider time,
    Dashboard.ActivityLog activity)
{
    public const int MaxReplyLength = 4_000;

    /// <summary>Null if the escalation is unknown; <see cref="EscalationTransitionRefused"/> if not open.</summary>
    public Task<EscalationRecord?> AcknowledgeAsync(string id, string who, CancellationToken cancellationToken) =>
        Taking(id, e => e.Acknowledge(who, time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Sends the staff member's text into the patient's conversation as the care team, then hands the
    /// conversation over: the patient's next messages go to staff until the escalation is resolved.
    /// </summary>
    public async Task<EscalationRecord?> ReplyAsync(string id, string who, string text, CancellationToken cancellationToken)
    {
        var record = await escalations.GetAsync(id, cancellationToken);
        if (record is null) return null;
        // Refused here, before the patient is written to, if the escalation is resolved.
        record.Reply(who, text, time.GetUtcNow());
        var reference = record.Conversation;
        var team = content.Reply(record.Language, Core.Conversation.ReplyKeys.CareTeam);
        await patient.SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Timestamp = time.GetUtcNow(),
            ServiceUrl = reference.ServiceUrl,
            ChannelId = reference.ChannelId,
            Conversation = new ConversationAccount(reference.ConversationId),
            From = ConversationReferences.Account(reference.Bot) is { } bot
                ? bot with { Name = team }
                : new ChannelAccount("bot", team),
            Recipient = ConversationReferences.Account(reference.User),
            Locale = reference.Locale,
            TextFormat = "markdown",
            Text = $"**{team}** : {text}",
            // Web Chat shows the care team apart from the assistant, and announces who speaks.
            ChannelData = BotFramework.Schema.RawJson.From(
                new CareTeamChannelData(new CareTeamMessage(team, text), $"{team} : {text}"), StaffJson.Default.CareTeamChannelData),
        }, cancellationToken);
        await SetHandoffAsync(record, id, cancellationToken);
        return await Taking(id, e => e.Reply(who, text, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>An update by staff; the first that takes an open escalation records how long it waited.</summary>
    private async Task<EscalationRecord?> Taking(string id, Func<EscalationRecord, EscalationRecord> change, CancellationToken cancellationToken)
    {
        // The store may run the change again on a newer record: the last run is the one saved.
        EscalationRecord? taken = null;
        var saved = await escalations.UpdateAsync(id, e =>
        {
            var next = change(e);
            taken = e.Status == EscalationStatus.Open && next.Status != EscalationStatus.Open ? e : null;
            return next;
        }, cancellationToken);
        if (saved is not null && taken is not null)
        {
            ChatbotTelemetry.Acknowledged(taken.Reason, time.GetUtcNow() - taken.CreatedAt);
            await activity.AcknowledgedAsync(taken.Reason, taken.Language, taken.CreatedAt, cancellationToken);
        }
        return saved;
    }

    /// <summary>Closes the case; the bot answers the patient again (see README, "Handoff").</summary>
    public async Task<EscalationRecord?> ResolveAsync(string id, string who, CancellationToken cancellationToken)
    {
        var resolved = await escalations.UpdateAsync(id, e => e.Resolve(who, time.GetUtcNow()), cancellationToken);
        if (resolved is not null) await SetHandoffAsync(resolved, null, cancellationToken);
        return resolved;
    }

    private async Task SetHandoffAsync(EscalationRecord record, string? handoff, CancellationToken cancellationToken)
    {
        var key = record.Conversation.Key;
        while (true)
        {
            var stored = await conversations.LoadAsync(key, cancellationToken);
            var current = stored.State;
            if (handoff is null && current.Handoff != record.Id && current.OpenEscalation != record.Id) return;
            // Staff are in the chat now: a pending call-back offer lapses.
            var next = handoff is null
                ? current.Resolved(record.Id)
                : current with { Handoff = handoff, CallbackAsked = false };
            // The activities answered stay: a retry after a staff action still gets its reply again.
            if (await conversations.TrySaveAsync(key, next, stored.Answered, stored.Version, null, cancellationToken))
                return;
        }
    }
}

/// <summary><c>channelData</c> of a staff reply: who writes (the care team, in the patient's language) and the text as typed.</summary>
public sealed record CareTeamChannelData(
    CareTeamMessage CareTeam,
    [property: System.Text.Json.Serialization.JsonPropertyName("webchat:fallback-text")] string FallbackText);

public sealed record CareTeamMessage(string Label, string Text);
