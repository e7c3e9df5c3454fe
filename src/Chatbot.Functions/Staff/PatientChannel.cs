using Chatbot.BotFramework.Connector;
using Chatbot.BotFramework.Schema;
using Chatbot.Functions.DirectLine;

namespace Chatbot.Functions.Staff;

/// <summary>
/// Where a message for the patient goes: straight into the conversation when it is one of the local
/// Direct Line's (in process: no HTTP endpoint anyone could post a fake "care team" message to), else
/// to the channel's Connector.
/// </summary>
public sealed class PatientChannel(ConnectorClient connector, LocalDirectLine local)
{
    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl != LocalDirectLine.ServiceUrl)
        {
            await connector.SendAsync(activity, cancellationToken);
            return;
        }
        // The conversation lives in this process's memory; after a restart the patient's page starts anew.
        var conversation = local.Find(activity.Conversation?.Id ?? "")
            ?? throw new HttpRequestException("the local conversation is no longer open");
        conversation.Append(activity);
    }
}
