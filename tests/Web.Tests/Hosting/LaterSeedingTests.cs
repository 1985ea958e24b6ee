using CchcSite.Content.Media;
using CchcSite.Content.Nodes;
using CchcSite.Content.Seeding;
using CchcSite.Testing;
using CchcSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>
/// A new site serves before the seed's later parts (questions, procedures, surveys, contests…) and sample responses and
/// participants exist; they are added in the background once it has answered, one part, survey or contest per transaction,
/// never twice, and a start that stopped before or midway finishes the rest.
/// </summary>
public sealed class LaterSeedingTests
{
    /// <summary>A site whose background jobs wait past the test: what a start stopped right after the seed leaves.</summary>
    private sealed class QuietSite : SiteFactory
    {
        public QuietSite()
        {
        }

        public QuietSite(string dataDirectory) : base(dataDirectory)
        {
        }

        protected override bool WaitsForSearchIndex => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["BackgroundJobs:DelaySeconds"] = "300" };
    }

    private static Task<int> PendingAsync(SiteFactory site) =>
        site.WithDbAsync(async db => await db.Surveys.CountAsync(s => s.SampleDataPending) + await db.Contests.CountAsync(c => c.SampleDataPending));

    private static Task<List<string>> PendingPartsAsync(SiteFactory site) =>
        site.WithDbAsync(db => db.PendingSeedStages.Select(s => s.Name).OrderBy(n => n).ToListAsync());

    /// <summary>The rows of a few later parts, as (questions, procedures, index results, surveys, contests).</summary>
    private static Task<(int, int, int, int, int)> LaterRowsAsync(SiteFactory site) =>
        site.WithDbAsync(async db => (await db.Submissions.CountAsync(), await db.Procedures.CountAsync(), await db.IndexResults.CountAsync(),
            await db.Surveys.CountAsync(), await db.Contests.CountAsync()));

    private static Task<int> SampleResponsesAsync(SiteFactory site) =>
        site.WithDbAsync(db => db.SurveyResponses.CountAsync(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Slug == SeedFacts.Surveys.ThacMoSatisfaction)));

    [Fact]
    public async Task A_new_site_serves_first_and_adds_the_later_parts_and_sample_data_after_its_first_answer()
    {
        using var site = new QuietSite();
        var client = site.CreateClient();
        // No request yet, and the delay is longer than the test: the seed left its later parts to the background job.
        Assert.Equal(LaterSeedStages.Names.Order(), await PendingPartsAsync(site));
        Assert.Equal((0, 0, 0, 0, 0), await LaterRowsAsync(site));
        Assert.True(await site.WithDbAsync(db => db.Posts.CountAsync()) >= 50);

        var home = await client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        await site.Services.GetRequiredService<SeedReadiness>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Empty(await PendingPartsAsync(site));
        Assert.Equal(0, await PendingAsync(site));
        Assert.Equal(SeedFacts.Surveys.ThacMoResponses, await SampleResponsesAsync(site));
        Assert.True(await site.WithDbAsync(db => db.ContestAttempts.AnyAsync(a => a.IsSample)));
    }

    [Fact]
    public async Task The_seeds_images_are_served_whole_until_their_variants_are_made_after_the_first_answer()
    {
        using var site = new QuietSite();
        var client = site.CreateClient();
        var images = await site.WithDbAsync(db => db.MediaAssets.Where(a => a.ContentType.StartsWith("image/"))
            .Select(a => new { a.Id, a.FileName, a.StoragePath, Variants = a.Variants.Count }).ToListAsync());
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Equal(0, image.Variants));
        var store = site.Services.GetRequiredService<IMediaStore>();

        // The later parts wait while the test holds their lock: the pages of a site that has just answered its first request.
        await using (await site.Services.GetRequiredService<INodeLocks>().AcquireAsync(NodeLockNames.LaterSeed, CancellationToken.None))
        {
            var home = await client.GetStringAsync("/");
            Assert.DoesNotContain("srcset=\"/tep/", home);
            var cover = images.First(image => home.Contains($"src=\"/tep/{image.Id}/{image.FileName}\""));
            using var stored = new MemoryStream();
            await using (var file = store.OpenRead(cover.StoragePath)!)
                await file.CopyToAsync(stored);
            Assert.Equal(stored.ToArray(), await client.GetByteArrayAsync($"/tep/{cover.Id}/{cover.FileName}"));
            Assert.Contains(LaterSeedStages.Images, await PendingPartsAsync(site));
        }

        await site.Services.GetRequiredService<SeedReadiness>().Completion.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Contains("srcset=\"/tep/", await client.GetStringAsync("/"));
        var served = await site.WithDbAsync(db => db.MediaAssets.Where(a => a.ContentType.StartsWith("image/"))
            .Select(a => new { a.Id, a.FileName, FromVariant = a.Variants.Any(v => v.StoragePath == a.StoragePath), Variants = a.Variants.Count })
            .ToListAsync());
        Assert.Equal(images.Select(i => (i.Id, i.FileName, true, 6)), served.Select(i => (i.Id, i.FileName, i.FromVariant, i.Variants)));
        // The files they came as belong to nothing any more, so they are gone.
        Assert.All(images, image => Assert.Null(store.OpenRead(image.StoragePath)));
        var first = images[0];
        var response = await client.GetAsync($"/tep/{first.Id}/{first.FileName}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
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
                {
                    Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<LaterSeedStages>().ImportPendingAsync(CancellationToken.None));
                    Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SampleDataSeeder>().SeedPendingAsync(CancellationToken.None));
                }
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

    [Fact]
    public async Task A_start_stopped_before_the_later_parts_imports_them_on_the_next_start_once()
    {
        var directory = Directory.CreateTempSubdirectory("cchc-later-").FullName;
        try
        {
            using (var first = new QuietSite(directory))
            {
                first.CreateClient();
                // Stopped before any request: the seed's first part is in, the later ones only marked.
                Assert.Equal(LaterSeedStages.Names.Order(), await PendingPartsAsync(first));
                Assert.Equal((0, 0, 0, 0, 0), await LaterRowsAsync(first));
            }

            using var second = SiteFactory.OnDirectory(directory);
            second.CreateClient();
            Assert.Empty(await PendingPartsAsync(second));
            var rows = await LaterRowsAsync(second);
            Assert.Equal((6, 47), (rows.Item1, rows.Item2));
            Assert.True(rows is { Item3: > 0, Item4: > 0, Item5: > 0 }, $"later rows {rows}");
            Assert.Equal(SeedFacts.Surveys.ThacMoResponses, await SampleResponsesAsync(second));

            // Nothing is marked any more: another run imports nothing and the rows stay as they are.
            await using (var scope = second.Services.CreateAsyncScope())
                Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<LaterSeedStages>().ImportPendingAsync(CancellationToken.None));
            Assert.Equal(rows, await LaterRowsAsync(second));
        }
        finally
        {
            SiteFactory.DeleteDirectory(directory);
        }
    }
}
