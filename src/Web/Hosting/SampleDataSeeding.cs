using CchcSite.Content.Nodes;
using CchcSite.Content.Seeding;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Adds the seed's sample responses and participants (<see cref="SampleDataSeeder"/>) once the background jobs may begin
/// (<see cref="BackgroundStart"/>): on a new database they were seconds of the start to the first page, which none of them
/// is on. Until then the sample survey's results and the sample contest's rankings show no one, as any new one does.
/// Nodes take turns: a later one waits for the lock and finds nothing left to add.
/// </summary>
public sealed class SampleDataSeeding(BackgroundStart start, SampleDataReadiness readiness, INodeLocks locks, IServiceScopeFactory scopes,
    ILogger<SampleDataSeeding> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await start.WaitAsync(stoppingToken);
            await using var held = await locks.AcquireAsync(NodeLockNames.SampleData, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedPendingAsync(stoppingToken);
            readiness.Done();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The unfinished item's transaction is rolled back; the next start does it.
        }
        catch (Exception e)
        {
            // The site serves without the sample rows; the marks stay, so the next start tries again.
            logger.LogError(e, "Adding the seed's sample data failed.");
            readiness.Failed(e);
        }
    }
}

/// <summary>Whether the seed's sample data is in the database: what a test of a new site waits for before reading it.</summary>
public sealed class SampleDataReadiness
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every marked survey and contest has its sample rows; faults when adding them failed.</summary>
    public Task Completion => _done.Task;

    internal void Done() => _done.TrySetResult();

    internal void Failed(Exception e) => _done.TrySetException(e);
}

public static class SampleDataSeedingServices
{
    public static IServiceCollection AddSampleDataSeeding(this IServiceCollection services) =>
        services.AddSingleton<SampleDataReadiness>().AddHostedService<SampleDataSeeding>();
}
