using System.ComponentModel.DataAnnotations;
using CchcSite.Content;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// When the background jobs begin: once the site has answered its first request, or <see cref="BackgroundStartOptions.DelaySeconds"/>
/// after it started if none comes. Their first rounds (opening the search index and catching up with the outbox, rendering
/// stored bodies again, the schedules' and mail's first queries) JIT and query on the cores the first page needs, and
/// none of them is needed by a first page: search says its index is still being built meanwhile, and a node is not ready
/// (<c>/healthz/ready</c>) before its index caught up, so a load balancer's first probe is what lets it begin.
/// Either way it opens only after the database setup (<see cref="DatabaseReadiness"/>), which runs beside the host's start:
/// a request is answered only after it, and the delay is counted from its end.
/// </summary>
public sealed class BackgroundStart
{
    private readonly TaskCompletionSource _begun = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Begun => _begun.Task.IsCompleted;

    public void Begin() => _begun.TrySetResult();

    /// <summary>Returns when the background jobs may begin.</summary>
    public Task WaitAsync(CancellationToken ct) => _begun.Task.WaitAsync(ct);
}

/// <summary>Bound from the "BackgroundJobs" configuration section.</summary>
public sealed class BackgroundStartOptions
{
    public const string Section = "BackgroundJobs";

    /// <summary>How long after the start the background jobs wait for a first request before beginning anyway; 0 begins at once.</summary>
    [Range(0, 300, ErrorMessage = "must be a number of seconds from 0 to 300")]
    public int DelaySeconds { get; set; } = 5;
}

public static class BackgroundStartServices
{
    public static IServiceCollection AddBackgroundStart(this IServiceCollection services)
    {
        services.AddSettings<BackgroundStartOptions>(BackgroundStartOptions.Section);
        services.AddSingleton<BackgroundStart>();
        services.AddHostedService<BackgroundStartTimer>();
        return services;
    }

    /// <summary>First in the pipeline: a request's answer, whatever it was, lets the background jobs begin.</summary>
    public static IApplicationBuilder UseBackgroundStart(this IApplicationBuilder app)
    {
        var start = app.ApplicationServices.GetRequiredService<BackgroundStart>();
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                if (!start.Begun)
                    start.Begin();
            }
        });
    }
}

/// <summary>Lets the background jobs begin after the delay when no request came: a node nobody asks still keeps its index.</summary>
internal sealed class BackgroundStartTimer(BackgroundStart start, IOptions<BackgroundStartOptions> options, IHostApplicationLifetime lifetime,
    DatabaseReadiness database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = BeginLaterAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    private async Task BeginLaterAsync(CancellationToken stopping)
    {
        try
        {
            // A new database's seed outlasts the host's start: the jobs would otherwise begin with the first page.
            await database.Completion.WaitAsync(stopping);
            await Task.Delay(TimeSpan.FromSeconds(options.Value.DelaySeconds), stopping);
            start.Begin();
        }
        catch (OperationCanceledException)
        {
        }
        catch when (database.Completion.IsFaulted)
        {
            // The failed setup ends the process (Program.cs); there is nothing to begin.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
