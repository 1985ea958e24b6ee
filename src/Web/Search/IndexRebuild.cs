using CchcSite.Content.Data;
using CchcSite.Content.Search;

namespace CchcSite.Web.Search;

/// <summary>What an administrator sees of a rebuild started from the editor area.</summary>
public sealed record RebuildStatus(bool Running, int Indexed, int Total, DateTime? StartedAt, DateTime? FinishedAt, string? Error);

/// <summary>
/// One rebuild of the search index at a time, run in the background of the live site so the page that
/// started it can show its progress. The indexer's own gate keeps it apart from the outbox worker.
/// </summary>
public sealed class IndexRebuild(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<IndexRebuild> logger)
{
    private readonly Lock _lock = new();
    private RebuildStatus _status = new(false, 0, 0, null, null, null);

    public RebuildStatus Status
    {
        get { lock (_lock) return _status; }
    }

    /// <summary>Starts a rebuild unless one is running; false when one already was.</summary>
    public bool TryStart()
    {
        lock (_lock)
        {
            if (_status.Running)
                return false;
            _status = new RebuildStatus(true, 0, 0, clock.GetUtcNow().UtcDateTime, null, null);
        }
        _ = Task.Run(RunAsync);
        return true;
    }

    private async Task RunAsync()
    {
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var indexer = scope.ServiceProvider.GetRequiredService<SearchIndexer>();
            var progress = new ImmediateProgress(report => Update(s => s with { Indexed = report.Indexed, Total = report.Total }));
            await indexer.RebuildAsync(scope.ServiceProvider.GetRequiredService<CchcDbContext>(), progress, lifetime.ApplicationStopping);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rebuilding the search index from the editor area failed.");
            error = "Xây dựng lại chỉ mục không thành công. Chi tiết đã được ghi vào nhật ký hệ thống; vui lòng thử lại.";
        }
        Update(s => s with { Running = false, FinishedAt = clock.GetUtcNow().UtcDateTime, Error = error });
    }

    private void Update(Func<RebuildStatus, RebuildStatus> change)
    {
        lock (_lock)
            _status = change(_status);
    }
}
