using Chatbot.Core.Escalation;
using Chatbot.Functions.State;

namespace Chatbot.Functions.Tests.Storage;

public static class EscalationPages
{
    /// <summary>Every escalation of a status (any, if null), page after page, in the order the store gives.</summary>
    public static async Task<IReadOnlyList<EscalationRecord>> ListAllAsync(
        this IEscalationStore store, string? status, int size = EscalationPage.MaxSize)
    {
        var all = new List<EscalationRecord>();
        string? after = null;
        do
        {
            var page = await store.ListAsync(status, after, size, CancellationToken.None);
            all.AddRange(page.Escalations);
            after = page.Next;
        }
        while (after is not null);
        return all;
    }
}
