using Azure;
using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.State;

/// <summary>The failures that mean "the store is unreachable", as opposed to a bug.</summary>
public static class StorageFailure
{
    public static bool Is(Exception e) => e switch
    {
        RequestFailedException or SqliteException or HttpRequestException or IOException or TimeoutException => true,
        // Azure SDK clients throw this once their retries are spent.
        AggregateException aggregate => aggregate.InnerExceptions.All(Is),
        _ => false,
    };
}
