using CchcSite.Content.Nodes;
using CchcSite.Content.Seeding;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Finishes a new database's seed once the background jobs may begin (<see cref="BackgroundStart"/>): first the parts no
/// first page reads (<see cref="LaterSeedStages"/>: the images' variants, questions, indexes, procedures, reports, contests…), then the
/// sample responses and participants (<see cref="SampleDataSeeder"/>), which fill the surveys and contests those parts
/// made. On a new database they were seconds of the start to the first page, which none of them is on; until they are in,
/// their pages show what an empty site shows. Nodes take turns: a later one waits for the lock and finds nothing left.
/// </summary>
public sealed class LaterSeeding(BackgroundStart start, SeedReadiness readiness, INodeLocks locks, IServiceScopeFactory scopes,
    ILogger<LaterSeeding> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await start.WaitAsync(stoppingToken);
            await using var held = await locks.AcquireAsync(NodeLockNames.LaterSeed, stoppingToken);
            await using (var scope = scopes.CreateAsyncScope())
            {
                try
                {
                    await scope.ServiceProvider.GetRequiredService<LaterSeedStages>().ImportPendingAsync(stoppingToken);
                }
                finally
                {
                    readiness.PartsSettled();
                }
            }
            await using (var scope = scopes.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedPendingAsync(stoppingToken);
            readiness.Done();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The unfinished part's transaction is rolled back; the next start does it.
        }
        catch (Exception e)
        {
            // The site serves without the missing parts; their marks stay, so the next start tries again.
            logger.LogError(e, "Finishing the seed's later parts and sample data failed.");
            readiness.Failed(e);
        }
    }
}

/// <summary>How far a new database's seed is: what the search index and a test of a new site wait for before reading it.</summary>
public sealed class SeedReadiness
{
    private readonly TaskCompletionSource _parts = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes, never faults, once the later parts were imported or their import failed: the search index is first built
    /// after it, over the whole seed, rather than built and then brought up to date row by row through the outbox.
    /// </summary>
    public Task Parts => _parts.Task;

    /// <summary>Completes when the later parts and every marked survey's and contest's sample rows are in; faults when adding them failed.</summary>
    public Task Completion => _done.Task;

    internal void PartsSettled() => _parts.TrySetResult();

    internal void Done() => _done.TrySetResult();

    internal void Failed(Exception e)
    {
        _parts.TrySetResult();
        _done.TrySetException(e);
    }
}

public static class LaterSeedingServices
{
    public static IServiceCollection AddLaterSeeding(this IServiceCollection services) =>
        services.AddSingleton<SeedReadiness>().AddHostedService<LaterSeeding>();
}
