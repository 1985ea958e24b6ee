using CchcSite.Content.Data;
using CchcSite.Testing;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>
/// The home page's data is read once as soon as the database is set up, before any request, so that its queries are
/// compiled when the first visitor comes (HomePageWarmUp). On an existing database (a new one's seed reads posts itself),
/// with the background jobs held back, nothing else reads posts before a request.
/// </summary>
public sealed class HomePageWarmUpTests
{
    private sealed class RecordingSite(string dataDirectory) : SiteFactory(dataDirectory)
    {
        public TableQueryCounter PostReads { get; } = new("Posts");

        protected override bool WaitsForSearchIndex => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["BackgroundJobs:DelaySeconds"] = "300" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureDbContext<SqliteContentContext>(options => options.AddInterceptors(PostReads));
                services.ConfigureDbContext<PostgresContentContext>(options => options.AddInterceptors(PostReads));
            });
        }
    }

    [Fact]
    public async Task The_home_pages_posts_are_read_after_the_setup_before_any_request()
    {
        var directory = Directory.CreateTempSubdirectory("cchc-warm-").FullName;
        try
        {
            using (var first = new RecordingSite(directory))
                await first.Services.GetRequiredService<DatabaseReadiness>().Completion.WaitAsync(TimeSpan.FromMinutes(2));

            // Started again on the seeded database; no request is sent before the posts are read.
            using var site = new RecordingSite(directory);
            await site.Services.GetRequiredService<DatabaseReadiness>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (site.PostReads.Count == 0)
            {
                if (waited.Elapsed > TimeSpan.FromMinutes(1))
                    throw new TimeoutException("No post was read within a minute of the database setup, without a request.");
                await Task.Delay(20);
            }
            Assert.False(site.Services.GetRequiredService<BackgroundStart>().Begun);

            var home = await site.CreateClient().GetAsync("/");
            Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        }
        finally
        {
            SiteFactory.DeleteDirectory(directory);
        }
    }
}
