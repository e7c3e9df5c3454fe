using Chatbot.BotFramework.Schema;
using Chatbot.Core.Escalation;

namespace Chatbot.Functions.Escalations;

/// <summary>Between the Activity protocol's accounts and the escalation's channel-neutral reference.</summary>
public static class ConversationReferences
{
    /// <summary>Where the patient of <paramref name="activity"/> is: the patient's name is not kept.</summary>
    public static ConversationReference Of(Activity activity) => new(
        activity.ServiceUrl, activity.ChannelId, activity.Conversation?.Id ?? "", Participant(activity.Recipient),
        activity.From is { } user ? new Participant(user.Id) { Role = user.Role } : null, activity.Locale);

    public static ChannelAccount? Account(Participant? participant) => participant is null
        ? null
        : new ChannelAccount(participant.Id, participant.Name)
        {
            Role = participant.Role, AadObjectId = participant.AadObjectId,
        };

    private static Participant? Participant(ChannelAccount? account) => account is null
        ? null
        : new Participant(account.Id, account.Name) { Role = account.Role, AadObjectId = account.AadObjectId };
}
