using System.Collections.Concurrent;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The site's rate limits, all of one shape: so many requests per client address (<see cref="ClientAddress"/>) in a fixed
/// window. Endpoints opt in to a named per-minute policy with ASP.NET's <c>[EnableRateLimiting(policy)]</c> (or
/// <c>RequireRateLimiting</c>), which <see cref="UseAddressLimits"/> reads; forms that answer a refusal themselves (the form
/// shown again with what was typed) take from <see cref="AddressQuotas"/> directly.
/// </summary>
/// <remarks>
/// Not ASP.NET's rate-limiting middleware: every <c>PartitionedRateLimiter</c> it builds wakes a thread-pool thread every
/// 100 ms to replenish its partitions, even on a site nobody visits, and those wake-ups were most of an idle node's CPU
/// (docs/perf.md, "Idle CPU"). A fixed window needs no timer: it is renewed by the first request after it ends.
/// </remarks>
public static class AddressLimits
{
    /// <summary>
    /// Adds <paramref name="policy"/>: <paramref name="perMinute"/> requests per address and minute, except the requests
    /// <paramref name="exempt"/> lets through (a kiosk serving a queue of people from one address).
    /// </summary>
    public static IServiceCollection AddPerAddressPolicy<TOptions>(this IServiceCollection services, string policy, Func<TOptions, int> perMinute,
        Func<HttpContext, TOptions, bool>? exempt = null) where TOptions : class
    {
        services.TryAddSingleton<AddressQuotas>();
        services.AddOptions<AddressLimitPolicies>().Configure<IOptions<TOptions>>((policies, settings) =>
            policies.Limits[policy] = context => exempt?.Invoke(context, settings.Value) == true ? null : perMinute(settings.Value));
        return services;
    }

    /// <summary>Adds the <see cref="AddressQuotas"/> the forms' own limiters take from.</summary>
    public static IServiceCollection AddAddressQuotas(this IServiceCollection services)
    {
        services.TryAddSingleton<AddressQuotas>();
        return services;
    }

    /// <summary>Refuses, with 429, a request over its endpoint's policy; after routing, so that the endpoint is known.</summary>
    public static IApplicationBuilder UseAddressLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is { } policy)
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<AddressLimitPolicies>>().Value.LimitFor(policy, context);
            if (limit is { } perMinute
                && !context.RequestServices.GetRequiredService<AddressQuotas>().TryAcquire(context, policy, perMinute, TimeSpan.FromMinutes(1)))
            {
                await RefuseAsync(context);
                return;
            }
        }
        await next(context);
    });

    /// <summary>The API answers every refusal as a problem; pages with a line of Vietnamese.</summary>
    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var (title, message) = ErrorStatuses.Describe(StatusCodes.Status429TooManyRequests);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = message },
            });
            return;
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }
}

/// <summary>The named per-minute policies: for a request, its allowance, or null when the policy lets it through.</summary>
public sealed class AddressLimitPolicies
{
    internal Dictionary<string, Func<HttpContext, int?>> Limits { get; } = new(StringComparer.Ordinal);

    internal int? LimitFor(string policy, HttpContext context) => Limits.TryGetValue(policy, out var limit)
        ? limit(context)
        : throw new InvalidOperationException($"The endpoint names rate-limiting policy \"{policy}\", which no AddPerAddressPolicy added.");
}

/// <summary>
/// Fixed windows of allowances per quota and client address, kept in memory only (the address never reaches the database).
/// A window starts with its first request and is renewed by the first request after it ends; windows that ended are
/// dropped at most once a minute, by a request, so the map holds only the addresses seen in the last window.
/// </summary>
public sealed class AddressQuotas(TimeProvider clock)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Quota, string Address), Window> _windows = new();
    private long _nextSweepTicks;

    /// <summary>Takes one of the <paramref name="limit"/> requests this client may make to <paramref name="quota"/> per <paramref name="window"/>.</summary>
    public bool TryAcquire(HttpContext context, string quota, int limit, TimeSpan window) =>
        TryAcquire(quota, ClientAddress.PartitionKey(context), limit, window);

    public bool TryAcquire(string quota, string address, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        while (true)
        {
            var current = _windows.GetOrAdd((quota, address), static _ => new Window());
            lock (current)
            {
                // Swept away between the lookup and the lock: its successor is the window to take from.
                if (current.Swept)
                    continue;
                return Take(current, now, limit, window);
            }
        }
    }

    private static bool Take(Window current, long now, int limit, TimeSpan window)
    {
        if (now >= current.EndTicks)
        {
            current.EndTicks = now + window.Ticks;
            current.Taken = 0;
        }
        if (current.Taken >= limit)
            return false;
        current.Taken++;
        return true;
    }

    /// <summary>The number of windows held, for the tests of the sweep.</summary>
    internal int Count => _windows.Count;

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + SweepInterval.Ticks, due) != due)
            return;
        foreach (var (key, window) in _windows)
        {
            lock (window)
            {
                // An ended window holds nothing a new one would not; one still running is left alone.
                if (now >= window.EndTicks && _windows.TryRemove(new KeyValuePair<(string, string), Window>(key, window)))
                    window.Swept = true;
            }
        }
    }

    private sealed class Window
    {
        public long EndTicks;
        public int Taken;
        public bool Swept;
    }
}
