using CchcSite.Content.Data;
using CchcSite.Content.Data.Migrations;
using CchcSite.Content.Nodes;
using CchcSite.Content.Seeding;
using CchcSite.Content.Site;
using CchcSite.Web.Editor;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Migrates, seeds and creates the configured first administrator explicitly at start-up (never from a DbContext
/// constructor), one node at a time: nodes started together on an empty database would otherwise both do it.
/// </summary>
public static class DatabaseSetup
{
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        // A database that does not exist yet is created empty first, before there is anywhere to hold a lock.
        if (!await db.Database.CanConnectAsync(ct))
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
        await using (await services.GetRequiredService<INodeLocks>().AcquireAsync(NodeLockNames.DatabaseSetup, ct))
        {
            // Not Migrate when nothing is pending: it also compares the model with the last migration's snapshot, building
            // that model from code, 0.4 s of a 4 s start. A model changed without its migration is caught by the tests
            // instead (ProviderTests), and the list of pending migrations needs only the history table.
            await MigrationScripts.ApplyPendingAsync(db, ct);
            // Readers and writers of one SQLite file must not wait for each other: with the default rollback journal, a
            // round's last minutes (a thousand participants saving and submitting among page reads) waited past the busy
            // timeout and answered 500 "database is locked" (ContestLoadTests). The mode is kept in the file.
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
            var seedPath = scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value.SeedPath;
            await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(seedPath, ct);
            await services.EnsureAdministratorAsync(configuration);
            // Without statistics SQLite picks between a unit's index and the site-wide status index almost by chance (equal
            // default estimates): a unit's list of all kinds walked every published post. ANALYZE gives it the row counts;
            // "optimize" analyzes only the tables that have no statistics or grew much since, approximately (analysis_limit),
            // as SQLite advises for long-lived connections. PostgreSQL's autovacuum keeps its own.
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002", ct);
        }
    }
}
