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
    public static IServiceCollection AddDatabaseReadiness(this IServiceCollection services) =>
        services.AddSingleton<DatabaseReadiness>();

    /// <summary>
    /// Outermost in the pipeline: a request waits for this start's database setup (<see cref="DatabaseReadiness"/>), which
    /// runs beside the host's own start, so nothing is answered from a database not yet migrated or seeded.
    /// </summary>
    public static IApplicationBuilder UseDatabaseReadiness(this IApplicationBuilder app)
    {
        var readiness = app.ApplicationServices.GetRequiredService<DatabaseReadiness>();
        return app.Use(async (context, next) =>
        {
            var setup = readiness.Completion;
            if (!setup.IsCompletedSuccessfully)
                await setup;
            await next(context);
        });
    }

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

/// <summary>
/// This start's database setup (<see cref="DatabaseSetup.MigrateAndSeedAsync"/>), run on the thread pool beside the host's
/// own start (pipeline, Kestrel, the hosted services' starts): on two cores each side's JIT gets a core. Requests wait for
/// it (<see cref="DatabaseSetup.UseDatabaseReadiness"/>), and so do the background jobs (<see cref="BackgroundStart"/>
/// opens only after it) and the change-notice listener.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the database is set up; faults with the setup's failure.</summary>
    public Task Completion => _done.Task;

    /// <summary>Starts the setup (<see cref="DatabaseSetup.MigrateAndSeedAsync"/>) on the thread pool and returns it.</summary>
    public Task Start(Func<Task> migrateAndSeed)
    {
        var setup = Task.Run(migrateAndSeed);
        _ = setup.ContinueWith(done =>
        {
            if (done.Exception is { } failure)
                _done.TrySetException(failure.InnerExceptions);
            else
                _done.TrySetResult();
        }, TaskScheduler.Default);
        return setup;
    }
}
