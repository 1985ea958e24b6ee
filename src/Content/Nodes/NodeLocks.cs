using System.Collections.Concurrent;
using Medallion.Threading.Postgres;
using CchcSite.Content.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CchcSite.Content.Nodes;

/// <summary>
/// Work that must run once across every node of a site (scheduled publishing, the outbox clean-up) runs while holding a
/// named lock; a node that cannot take it at once skips its turn, since the holder is doing the work.
/// </summary>
public interface INodeLocks
{
    /// <summary>The held lock, to dispose when done, or null when another node (or task) holds it.</summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken ct);

    /// <summary>Waits for the lock: for work every node needs done before it goes on, done by one at a time.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken ct);
}

public static class NodeLockNames
{
    public const string ScheduledPublishing = "cchc:scheduled-publishing";
    public const string OutboxCleanup = "cchc:search-outbox-cleanup";
    /// <summary>One video transcoded at a time across the nodes, so a small cluster keeps serving pages.</summary>
    public const string VideoTranscoding = "cchc:video-transcoding";
    /// <summary>Migrating and seeding at start-up: nodes started together on an empty database take turns, and the later ones find it done.</summary>
    public const string DatabaseSetup = "cchc:database-setup";
    /// <summary>Importing the seed's later parts and sample data after the start: one node does it, the others wait and find it done.</summary>
    public const string LaterSeed = "cchc:later-seed";
}

/// <summary>
/// PostgreSQL session advisory locks through DistributedLock.Postgres: the lock lives on a connection of its own, so a
/// node that dies releases it when PostgreSQL closes its connection.
/// </summary>
public sealed class PostgresNodeLocks(NpgsqlDataSource dataSource) : INodeLocks
{
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken ct) =>
        await Lock(name).TryAcquireAsync(TimeSpan.Zero, ct);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken ct) => await Lock(name).AcquireAsync(null, ct);

    private PostgresDistributedLock Lock(string name) => new(new PostgresAdvisoryLockKey(name, allowHashing: true), dataSource);
}

/// <summary>SQLite serves one node: a lock within the process is enough.</summary>
public sealed class InProcessNodeLocks : INodeLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken ct)
    {
        var gate = Gate(name);
        return await gate.WaitAsync(TimeSpan.Zero, ct) ? new Release(gate) : null;
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string name, CancellationToken ct)
    {
        var gate = Gate(name);
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private SemaphoreSlim Gate(string name) => _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}

public static class NodeLockServices
{
    /// <summary>The locks of the configured database: PostgreSQL advisory locks, or in-process ones on SQLite.</summary>
    public static IServiceCollection AddNodeLocks(this IServiceCollection services) =>
        services.AddSingleton<INodeLocks>(provider => provider.GetRequiredService<ContentDatabase>().Provider == DatabaseProvider.Postgres
            ? new PostgresNodeLocks(provider.GetRequiredService<NpgsqlDataSource>())
            : new InProcessNodeLocks());
}
