using Azure.Data.Tables;
using Chatbot.Functions.State;
using Chatbot.Functions.Tests.Escalations;
using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>Escalations stored before the list was paged are still listed, in both stores.</summary>
public class StoreUpgradeTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>
{
    private const string Id = "esc-0123456789ab";

    [Fact]
    public async Task ASqliteFileWithoutTheOrderColumn_GetsIt_AndItsEscalationsAreListed()
    {
        var path = Path.Combine(Path.GetTempPath(), "chatbot-upgrade-" + Guid.NewGuid().ToString("N"), "chatbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var before = connection.CreateCommand();
            before.CommandText = """
                CREATE TABLE escalation (id TEXT PRIMARY KEY, conversation TEXT NOT NULL, status TEXT NOT NULL,
                    created_at TEXT NOT NULL, record TEXT NOT NULL);
                INSERT INTO escalation
                VALUES ($id, 'emulator:c1', 'acknowledged', '2026-11-23T09:00:00.0000000+00:00', $r);
                """;
            before.Parameters.AddWithValue("$id", Id);
            before.Parameters.AddWithValue("$r", StoredEscalationTests.StoredBefore);
            await before.ExecuteNonQueryAsync();
        }

        Assert.Equal([Id], await ListedAsync([$"--Storage:SqlitePath={path}"]));
    }

    [Fact]
    public async Task ATableWithoutTheIndex_IsIndexedOnce_AndItsEscalationsAreListed()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var table = new TableServiceClient(fixture.Azurite.ConnectionString).GetTableClient(prefix + "escalations");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(Id, "record")
        {
            ["Status"] = "acknowledged", ["CreatedAt"] = DateTimeOffset.Parse("2026-11-23T09:00:00Z"),
            ["Conversation"] = "emulator:c1", ["Json"] = StoredEscalationTests.StoredBefore,
        });

        Assert.Equal([Id], await ListedAsync(fixture.Azurite.Settings(prefix)));
    }

    private static async Task<IEnumerable<string>> ListedAsync(string[] store)
    {
        await using var app = ChatbotApp.Create(
            [$"--Content:DialogsFolder={Repository.Dialogs}", "--Logging:LogLevel:Default=Warning", .. store]);
        var escalations = app.Services.GetRequiredService<IEscalationStore>();
        return (await escalations.ListAllAsync("acknowledged")).Select(e => e.Id);
    }
}
