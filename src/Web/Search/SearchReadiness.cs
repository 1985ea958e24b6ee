using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcSite.Web.Search;

/// <summary>
/// Part of the node's readiness (<c>/healthz/ready</c>): the search index has been built and has caught up with the outbox
/// since the process started; until then the search page says its results may be incomplete. Later rebuilds (another node's, or after the clean-up) leave it ready: the committed index
/// keeps answering until the rebuilt one replaces it.
/// </summary>
public sealed class SearchReadiness : IHealthCheck
{
    private volatile bool _caughtUp;

    public bool CaughtUp
    {
        get => _caughtUp;
        set => _caughtUp = value;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_caughtUp ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The search index is still catching up with the outbox."));
}
