using CchcSite.Testing;
using CchcSite.Web.Hosting;
using CchcSite.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>
/// The background jobs wait for the site's first answer (or a delay, here longer than any test), so that a first page has
/// the cores: until then the search index is not even opened, and the search page, itself a first request, says so.
/// </summary>
public sealed class BackgroundStartTests
{
    private sealed class QuietSite : SiteFactory
    {
        protected override bool WaitsForSearchIndex => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["BackgroundJobs:DelaySeconds"] = "300" };
    }

    [Fact]
    public async Task The_index_is_built_only_after_the_first_answer_and_the_site_serves_before()
    {
        using var site = new QuietSite();
        var client = site.CreateClient();
        var readiness = site.Services.GetRequiredService<SearchReadiness>();
        var start = site.Services.GetRequiredService<BackgroundStart>();
        Assert.False(start.Begun);
        Assert.False(readiness.CaughtUp);

        var page = await client.GetStringAsync("/tim-kiem?q=cai+cach");

        Assert.Contains("đang xây dựng chỉ mục tìm kiếm", page);
        // The answer began them: the delay is far longer than this wait.
        await start.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!readiness.CaughtUp)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException("The search index was not built within two minutes of the first answer.");
            await Task.Delay(20);
        }
        Assert.DoesNotContain("đang xây dựng chỉ mục tìm kiếm", await client.GetStringAsync("/tim-kiem?q=cai+cach"));
    }
}
