using Chatbot.Functions.Escalations;
using Chatbot.Functions.State;
using Chatbot.Functions.State.Azure;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Hosting;

public static partial class HostingSetup
{
    /// <summary>
    /// Conversation state, escalations and the outbox: an embedded SQLite file (one instance), or
    /// Azure Table and Queue Storage shared by every instance (Storage:Provider=AzureStorage).
    /// </summary>
    public static IHostApplicationBuilder AddConversationState(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StateOptions>().BindConfiguration("Storage").ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StateOptions>, StateOptionsValidator>();
        if (builder.Configuration["Storage:Provider"] == StateOptions.AzureStorage)
        {
            builder.Services.AddSingleton<AzureStorageAccount>();
            builder.Services.AddSingleton<AzureEscalationIndex>();
            builder.Services.AddSingleton<AzureEscalationStore>();
            builder.Services.AddSingleton<IEscalationStore>(services => services.GetRequiredService<AzureEscalationStore>());
            builder.Services.AddSingleton<IConversationStore, AzureConversationStore>();
            builder.Services.AddSingleton<IDataRetention, AzureRetention>();
            builder.Services.AddSingleton<AzureReviewStore>();
            builder.Services.AddSingleton<IReviewStore>(services => services.GetRequiredService<AzureReviewStore>());
            builder.Services.AddSingleton<AzureActivityStore>();
            builder.Services.AddSingleton<IActivityStore>(services => services.GetRequiredService<AzureActivityStore>());
            builder.Services.AddSingleton<QueuedNotifications>();
            if (!builder.Configuration.OnAzureFunctions()) builder.Services.AddHostedService<QueueListenerService>();
        }
        else
        {
            builder.Services.AddSingleton<SqliteDatabase>();
            builder.Services.AddSingleton<RecentStates>();
            builder.Services.AddSingleton<SqliteEscalationStore>();
            builder.Services.AddSingleton<IEscalationStore>(services => services.GetRequiredService<SqliteEscalationStore>());
            builder.Services.AddSingleton<IConversationStore, SqliteConversationStore>();
            builder.Services.AddSingleton<IDataRetention, SqliteRetention>();
            builder.Services.AddSingleton<IReviewStore, SqliteReviewStore>();
            builder.Services.AddSingleton<IActivityStore, SqliteActivityStore>();
        }
        builder.Services.AddSingleton<Review.ReviewLoop>();
        builder.Services.AddSingleton<Review.AnswerFeedback>();
        builder.Services.AddSingleton<Review.TeamsFeedback>();
        builder.Services.AddSingleton<Dashboard.ActivityLog>();
        if (!builder.Configuration.OnAzureFunctions()) builder.Services.AddHostedService<RetentionService>();
        return builder;
    }
}
