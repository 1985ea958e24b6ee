using CchcSite.Content;
using CchcSite.Content.Search;
using CchcSite.Testing;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>
/// A site quiet for a while gives its memory back once, and then sleeps until it is asked again: an idle site must not
/// keep collecting (each collection costs a pause and CPU), nor keep the memory a burst of requests grew.
/// </summary>
public sealed class IdleTrimTests
{
    private sealed class QuickTrimSite : SiteFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["IdleTrim:QuietSeconds"] = "1" };
    }

    [Fact]
    public async Task A_quiet_site_trims_once_and_again_only_after_a_new_request()
    {
        using var site = new QuickTrimSite();
        var client = site.CreateClient();
        var trim = site.Services.GetRequiredService<IdleTrim>();

        await client.GetStringAsync("/");
        await WaitForTrims(trim, 1);
        // Nobody asks: the trimmer sleeps instead of collecting every quiet period.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, trim.Trims);

        await client.GetStringAsync("/tim-kiem?q=cai+cach");
        await WaitForTrims(trim, 2);
    }

    [Fact]
    public async Task Kestrel_takes_the_sites_buffers_and_a_quiet_site_drops_those_kept()
    {
        using var site = new QuickTrimSite();
        var client = site.CreateClient();
        var buffers = site.Services.GetRequiredService<QuietMemoryPoolFactory>();
        // The transport asks the container for its pool's factory (the tests' in-memory server has no sockets to read).
        Assert.Same(buffers, site.Services.GetRequiredService<IMemoryPoolFactory<byte>>());
        // The search results kept for bursts are released by the same trim (SearchCacheTests shows what they drop).
        Assert.Contains(site.Services.GetServices<IIdleMemory>(), part => part is SearchResultCache);
        var trim = site.Services.GetRequiredService<IdleTrim>();
        await client.GetStringAsync("/");
        await WaitForTrims(trim, 1);

        var pool = buffers.Create();
        var blocks = Enumerable.Range(0, 3).Select(_ => pool.Rent()).ToList();
        blocks.ForEach(b => b.Dispose());
        Assert.Equal(3, buffers.KeptBlocks);

        await client.GetStringAsync("/");
        await WaitForTrims(trim, 2);
        Assert.Equal(0, buffers.KeptBlocks);
    }

    /// <summary>
    /// A request that comes while the site trims finds the trimmer awake and rings nothing; what it grew must still be
    /// given back in a round of its own, not wait for a next request that may never come (seen once in CI: a request
    /// between the trim and the trimmer's going to sleep, and the site never trimmed again).
    /// </summary>
    [Fact]
    public async Task A_request_during_a_trim_gets_a_trim_of_its_own()
    {
        var part = new RequestDuringFirstRelease();
        using var trim = new IdleTrim(Options.Create(new IdleTrimOptions { QuietSeconds = 1 }), [part], NullLogger<IdleTrim>.Instance);
        part.Trim = trim;
        await trim.StartAsync(CancellationToken.None);

        trim.RequestBegins();
        trim.RequestEnds();
        await WaitForTrims(trim, 2);
        Assert.Equal(2, part.Releases);
        await trim.StopAsync(CancellationToken.None);
    }

    /// <summary>Answers one request, start to end, while the first trim releases it.</summary>
    private sealed class RequestDuringFirstRelease : IIdleMemory
    {
        public IdleTrim? Trim { get; set; }
        public int Releases { get; private set; }

        public void Release()
        {
            if (++Releases == 1)
            {
                Trim!.RequestBegins();
                Trim.RequestEnds();
            }
        }
    }

    [Fact]
    public async Task A_site_set_never_to_trim_does_not()
    {
        using var site = new SiteFactory();
        var client = site.CreateClient();

        await client.GetStringAsync("/");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0, site.Services.GetRequiredService<IdleTrim>().Trims);
    }

    private static async Task WaitForTrims(IdleTrim trim, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (trim.Trims < count)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1))
                throw new TimeoutException($"The site did not trim its memory a {count}. time within a minute of quiet.");
            await Task.Delay(50);
        }
    }
}
