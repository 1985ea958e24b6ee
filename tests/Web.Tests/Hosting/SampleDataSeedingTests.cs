using CchcSite.Content.Seeding;
using CchcSite.Testing;
using CchcSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>
/// A new site serves before the seed's sample responses and participants exist; they are added in the background once it
/// has answered, one survey or contest per transaction, never twice, and a start that stopped midway finishes the rest.
/// </summary>
public sealed class SampleDataSeedingTests
{
    private sealed class QuietSite : SiteFactory
    {
        protected override bool WaitsForSearchIndex => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["BackgroundJobs:DelaySeconds"] = "300" };
    }

    private static Task<int> PendingAsync(SiteFactory site) =>
        site.WithDbAsync(async db => await db.Surveys.CountAsync(s => s.SampleDataPending) + await db.Contests.CountAsync(c => c.SampleDataPending));

    private static Task<int> SampleResponsesAsync(SiteFactory site) =>
        site.WithDbAsync(db => db.SurveyResponses.CountAsync(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Slug == SeedFacts.Surveys.ThacMoSatisfaction)));

    [Fact]
    public async Task A_new_site_serves_first_and_adds_the_sample_data_after_its_first_answer()
    {
        using var site = new QuietSite();
        var client = site.CreateClient();
        // No request yet, and the delay is longer than the test: the seed left the sample rows to the background job.
        Assert.Equal(2, await PendingAsync(site));
        Assert.Equal(0, await SampleResponsesAsync(site));
        Assert.Equal(0, await site.WithDbAsync(db => db.ContestAttempts.CountAsync()));

        var home = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        await site.Services.GetRequiredService<SeedReadiness>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await PendingAsync(site));
        Assert.Equal(SeedFacts.Surveys.ThacMoResponses, await SampleResponsesAsync(site));
        Assert.True(await site.WithDbAsync(db => db.ContestAttempts.AnyAsync(a => a.IsSample)));
    }

    [Fact]
    public async Task The_sample_data_is_added_once_and_a_start_that_stopped_midway_adds_only_what_is_missing()
    {
        var directory = Directory.CreateTempSubdirectory("cchc-sample-").FullName;
        try
        {
            List<DateOnly> days;
            List<int> attempts;
            using (var first = SiteFactory.OnDirectory(directory))
            {
                first.CreateClient();
                days = await first.WithDbAsync(db => db.SurveyResponses.OrderBy(r => r.Id).Select(r => r.Day).ToListAsync());
                attempts = await first.WithDbAsync(db => db.ContestAttempts.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
                Assert.Equal(SeedFacts.Surveys.ThacMoResponses, days.Count);
                Assert.NotEmpty(attempts);

                // Nothing is marked any more, so running it again adds nothing.
                await using (var scope = first.Services.CreateAsyncScope())
                    Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedPendingAsync(CancellationToken.None));
                Assert.Equal(days.Count, await SampleResponsesAsync(first));

                // What a start stopped while adding the survey's responses leaves: the contest done, the survey's
                // transaction rolled back (no responses, still marked).
                await first.WithDbAsync(async db =>
                {
                    await db.SurveyResponses.Where(r => r.IsSample).ExecuteDeleteAsync();
                    return await db.Surveys.Where(s => s.Slug == SeedFacts.Surveys.ThacMoSatisfaction)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.SampleDataPending, true));
                });
            }

            using var second = SiteFactory.OnDirectory(directory);
            second.CreateClient();
            Assert.Equal(0, await PendingAsync(second));
            // The same responses as the first time (a fixed random seed), and the contest's participants untouched.
            Assert.Equal(days, await second.WithDbAsync(db => db.SurveyResponses.OrderBy(r => r.Id).Select(r => r.Day).ToListAsync()));
            Assert.Equal(attempts, await second.WithDbAsync(db => db.ContestAttempts.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync()));
        }
        finally
        {
            SiteFactory.DeleteDirectory(directory);
        }
    }
}
