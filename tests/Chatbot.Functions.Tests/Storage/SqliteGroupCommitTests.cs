using Chatbot.Functions.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Chatbot.Functions.Tests.Storage;

/// <summary>Writes queued together commit together, yet each succeeds or fails alone.</summary>
public class SqliteGroupCommitTests
{
    [Fact]
    public async Task EveryConnection_CommitsToDisk_NotOnlyTheFirst()
    {
        using var database = new SqliteDatabase(Options.Create(new StateOptions
        {
            SqlitePath = Path.Combine(Path.GetTempPath(), "chatbot-sync-" + Guid.NewGuid().ToString("N"), "chatbot.db"),
        }));

        // Pooled connections: the second one is the first again, the third a new one while both are open.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await using var first = database.Open();
            await using var second = database.Open();
            foreach (var connection in new[] { first, second })
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous";
                Assert.Equal(2L, await pragma.ExecuteScalarAsync()); // 2 = FULL: the WAL is synced at every commit
            }
        }
    }

    [Fact]
    public async Task AWriteThatFails_IsUndoneAlone_AndTheOthersInItsBatchCommit()
    {
        using var database = new SqliteDatabase(Options.Create(new StateOptions
        {
            SqlitePath = Path.Combine(Path.GetTempPath(), "chatbot-batch-" + Guid.NewGuid().ToString("N"), "chatbot.db"),
        }));

        var writes = Enumerable.Range(0, 40).Select(i => database.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO conversation_state (conversation, state, version, updated_at) VALUES ($c, '{}', 1, '2026-11-23')";
            insert.Parameters.AddWithValue("$c", $"c{i}");
            await insert.ExecuteNonQueryAsync();
            if (i == 7) throw new InvalidOperationException("write 7 fails after inserting");
            return i;
        }, CancellationToken.None)).ToList();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[7]);
        Assert.Equal("write 7 fails after inserting", failure.Message);
        Assert.Equal(39, (await Task.WhenAll(writes.Where((_, i) => i != 7))).Length);
        await using var connection = database.Open();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT group_concat(conversation) FROM conversation_state WHERE conversation = 'c7' UNION ALL SELECT count(*) FROM conversation_state";
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.IsDBNull(0));
        Assert.True(await reader.ReadAsync());
        Assert.Equal(39L, reader.GetInt64(0));
    }

    [Fact]
    public async Task ABatchThatCannotCommit_FailsItsWrites_AndTheNextBatchCommitsOnAFreshConnection()
    {
        using var database = new SqliteDatabase(Options.Create(new StateOptions
        {
            SqlitePath = Path.Combine(Path.GetTempPath(), "chatbot-broken-" + Guid.NewGuid().ToString("N"), "chatbot.db"),
        }));

        // A write that ends the batch's transaction under the committer's feet: nothing of the batch can commit.
        var broken = database.WriteAsync(async (connection, transaction) =>
        {
            await using var rollback = connection.CreateCommand();
            rollback.Transaction = transaction;
            rollback.CommandText = "ROLLBACK";
            return await rollback.ExecuteNonQueryAsync();
        }, CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => broken); // the savepoint is gone: "this SqliteTransaction has completed"

        var next = await database.WriteAsync(async (connection, transaction) =>
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO conversation_state (conversation, state, version, updated_at) VALUES ('after', '{}', 1, '2026-12-02')";
            return await insert.ExecuteNonQueryAsync();
        }, CancellationToken.None);

        Assert.Equal(1, next);
        await using var reader = database.Open();
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM conversation_state WHERE conversation = 'after'";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AWriteAfterTheDatabaseIsDisposed_IsRefusedPlainly()
    {
        var database = new SqliteDatabase(Options.Create(new StateOptions
        {
            SqlitePath = Path.Combine(Path.GetTempPath(), "chatbot-disposed-" + Guid.NewGuid().ToString("N"), "chatbot.db"),
        }));
        Assert.Equal(1, await database.WriteAsync((_, _) => Task.FromResult(1), CancellationToken.None));

        database.Dispose();
        database.Dispose(); // the host may dispose twice

        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.WriteAsync((_, _) => Task.FromResult(2), CancellationToken.None));
    }
}
