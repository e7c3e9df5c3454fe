using System.Text.Json;
using Chatbot.Core.Escalation;
using Chatbot.Functions.Escalations;
using Microsoft.Data.Sqlite;

namespace Chatbot.Functions.State;

/// <summary>
/// The <c>sort_key</c> column (<see cref="EscalationOrder"/>) and its index, which the staff list pages on.
/// Files written before it get the column, and their rows their keys, at start-up.
/// </summary>
internal static class SqliteEscalationOrder
{
    public static void Migrate(SqliteConnection connection)
    {
        connection.AddColumnIfMissing("escalation", "sort_key");
        using var transaction = connection.BeginTransaction();
        var keys = new List<(string Id, string Key)>();
        using (var read = connection.Command("SELECT id, record FROM escalation WHERE sort_key IS NULL", transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var record = JsonSerializer.Deserialize(reader.GetString(1), EscalationJson.Default.EscalationRecord)!;
                keys.Add((reader.GetString(0), EscalationOrder.Key(record)));
            }
        }
        foreach (var (id, key) in keys)
        {
            using var write = connection.Command(
                "UPDATE escalation SET sort_key = $k WHERE id = $id", transaction, ("$k", key), ("$id", id));
            write.ExecuteNonQuery();
        }
        using (var index = connection.Command(
            "CREATE INDEX IF NOT EXISTS escalation_order ON escalation (sort_key)", transaction))
        {
            index.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
