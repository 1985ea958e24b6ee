using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CchcSite.Content.Nodes;

/// <summary>
/// Makes search outbox ids commit in id order on PostgreSQL. A sequence hands out ids when rows are inserted, not when
/// they commit: without this, id 11 could commit before id 10, a node could read 11, move its cursor past 10 and never see
/// it. A transaction takes this transaction-level advisory lock before it inserts outbox rows and holds it until it
/// commits or rolls back, so the next writer's ids are both higher and committed later. It serialises only the last step
/// of content saves (the outbox rows and the commit), which are short. SQLite serialises all writers already.
/// </summary>
internal static class OutboxOrder
{
    /// <summary>An arbitrary key of the site's own: "CCHC" and "OB" as bytes.</summary>
    private const long LockKey = 0x4343_4843_4F42;

    public static async Task TakeAsync(DatabaseFacade database, bool async, CancellationToken ct)
    {
        if (!database.IsNpgsql())
            return;
        if (async)
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        else
            database.ExecuteSql($"SELECT pg_advisory_xact_lock({LockKey})");
    }
}
