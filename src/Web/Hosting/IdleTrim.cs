using System.ComponentModel.DataAnnotations;
using System.Runtime.InteropServices;
using CchcSite.Content;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Gives back the memory a burst of requests grew once the site has been quiet for <see cref="IdleTrimOptions.QuietSeconds"/>:
/// the parts that keep memory for bursts release it (<see cref="IIdleMemory"/>), then one blocking, compacting collection
/// that decommits what it frees. An idle site still wakes (Kestrel's heartbeat, once a
/// second), and on a virtual machine each wake-up costs in proportion to the process's resident memory — an empty ASP.NET Core
/// app holding 400 MB spends three times the idle CPU it spends once that memory is collected (docs/perf.md, "Idle CPU and
/// resident memory"). While requests come it looks once a quiet period; once it has trimmed it sleeps until the next request.
/// </summary>
public sealed class IdleTrim(IOptions<IdleTrimOptions> options, IEnumerable<IIdleMemory> parts, ILogger<IdleTrim> logger) : BackgroundService
{
    private readonly Wakeup _nextRequest = new RequestBell();
    private volatile bool _asked;
    private int _asleep = 1;
    private int _inFlight;
    private int _trims;

    /// <summary>How many times the site has trimmed its memory since it started.</summary>
    public int Trims => Volatile.Read(ref _trims);

    public void RequestBegins()
    {
        Interlocked.Increment(ref _inFlight);
        NoteActivity();
    }

    public void RequestEnds()
    {
        Interlocked.Decrement(ref _inFlight);
        NoteActivity();
    }

    // Cheap while requests come often: the fields are read, and written only when they change.
    private void NoteActivity()
    {
        if (!_asked)
        {
            _asked = true;
            // Once a quiet period at most: the trimmer, having trimmed, marks itself asleep and then reads _asked; with a
            // fence on both sides, either it sees this request or this request sees it asleep and rings.
            Interlocked.MemoryBarrier();
        }
        // Exchanged, so that of two requests finding the trimmer asleep only one rings: a second ring kept by the bell
        // would start a round of its own after the trim, and trim again for nothing.
        if (Volatile.Read(ref _asleep) == 1 && Interlocked.Exchange(ref _asleep, 0) == 1)
            _nextRequest.Wake();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.QuietSeconds == 0)
            return;
        var quiet = TimeSpan.FromSeconds(options.Value.QuietSeconds);
        var missed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!missed)
                await _nextRequest.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
            // Quiet means no request began or ended for a whole period and none is still running: a long one (an import,
            // a backup's download) is not collected under, and its end counts as activity.
            do
            {
                _asked = false;
                await Task.Delay(quiet, stoppingToken);
            }
            while (_asked || Volatile.Read(ref _inFlight) > 0);
            Trim();
            Interlocked.Exchange(ref _asleep, 1);
            // A request between the last look and here found the trimmer awake and rang nothing: what it grew gets a round
            // of its own, as if it had rung — unless a request since rang (the exchange then finds the trimmer awake).
            missed = _asked && Interlocked.Exchange(ref _asleep, 0) == 1;
        }
    }

    private void Trim()
    {
        var before = Environment.WorkingSet;
        foreach (var part in parts)
            part.Release();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
        Interlocked.Increment(ref _trims);
        logger.LogDebug("Quiet for a while: resident memory {Before} MB → {After} MB.", before >> 20, Environment.WorkingSet >> 20);
    }

    private sealed class RequestBell : Wakeup;
}

/// <summary>
/// The C heap's free memory given back to the system. SQLite's page caches, the JIT and the runtime allocate there from
/// several threads, and glibc keeps what they free in per-thread arenas, which only <c>malloc_trim</c> returns.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    public static void Trim()
    {
        if (_unavailable)
            return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, e.g. Alpine, has no malloc_trim): nothing to give back this way.
            _unavailable = true;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

/// <summary>Bound from the "IdleTrim" configuration section.</summary>
public sealed class IdleTrimOptions
{
    public const string Section = "IdleTrim";

    /// <summary>Seconds without a request after which the site gives memory back; 0 never does.</summary>
    [Range(0, 3600, ErrorMessage = "must be a number of seconds from 0 (never) to 3600")]
    public int QuietSeconds { get; set; } = 30;
}

public static class IdleTrimServices
{
    public static IServiceCollection AddIdleTrim(this IServiceCollection services)
    {
        services.AddSettings<IdleTrimOptions>(IdleTrimOptions.Section);
        services.AddSingleton<IdleTrim>();
        // Registered after Kestrel's own (WebApplication.CreateBuilder adds it), so the transport takes this one.
        services.AddSingleton<QuietMemoryPoolFactory>();
        services.AddSingleton<IMemoryPoolFactory<byte>>(sp => sp.GetRequiredService<QuietMemoryPoolFactory>());
        services.AddSingleton<IIdleMemory>(sp => sp.GetRequiredService<QuietMemoryPoolFactory>());
        services.AddHostedService(sp => sp.GetRequiredService<IdleTrim>());
        return services;
    }

    /// <summary>Early in the pipeline: a request counts as activity when it begins, while it runs and when it ends.</summary>
    public static IApplicationBuilder UseIdleTrim(this IApplicationBuilder app)
    {
        var trim = app.ApplicationServices.GetRequiredService<IdleTrim>();
        return app.Use(async (context, next) =>
        {
            trim.RequestBegins();
            try
            {
                await next(context);
            }
            finally
            {
                trim.RequestEnds();
            }
        });
    }
}
