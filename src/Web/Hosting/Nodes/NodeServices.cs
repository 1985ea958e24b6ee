using CchcSite.Content.Data;
using CchcSite.Content.Nodes;
using CchcSite.Web.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CchcSite.Web.Hosting.Nodes;

/// <summary>
/// What lets several web nodes share one PostgreSQL database (DESIGN §7): change notices between nodes, jobs run once
/// across nodes, Data Protection keys every node reads, and separate liveness and readiness. On SQLite the same parts
/// work in-process for the one node.
/// </summary>
public static class NodeServices
{
    /// <summary>
    /// Fixed, because Data Protection isolates applications by this name and defaults it to the content root path, which
    /// differs between nodes (and between releases in their own folders).
    /// </summary>
    public const string ApplicationName = "CchcSite";

    public const string Ready = "ready";

    public static IServiceCollection AddNodes(this IServiceCollection services)
    {
        services.AddNodeLocks();
        services.AddHostedService<ChangeNoticeListener>();
        // Keys in the database: a cookie or antiforgery token issued by one node is read by every other.
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<CchcDbContext>();
        services.AddHealthChecks()
            .AddDbContextCheck<CchcDbContext>("database", tags: [Ready])
            .AddCheck<SearchReadiness>("search-index", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/healthz/live</c>: the process answers (restart it if not). <c>/healthz/ready</c>, and <c>/healthz</c> as before:
    /// the database answers and the search index has caught up (send it requests only then).
    /// </summary>
    public static WebApplication MapNodeHealth(this WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.MapHealthChecks("/healthz", ready);
        app.MapHealthChecks("/healthz/ready", ready);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }
}
