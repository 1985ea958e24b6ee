using System.Diagnostics;
using System.Net;
using CchcSite.Content.Seeding;
using CchcSite.Testing;
using CchcSite.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Nodes;

/// <summary>Two web nodes on two loopback ports, one PostgreSQL database and one media folder, one browser in front.</summary>
public sealed class TwoNodeTests
{
    private const string Unit = SeedFacts.Units.SoGddtSocTrang;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_post_published_on_one_node_is_on_the_others_pages_api_and_search_within_5_seconds()
    {
        await using var shared = await SharedDatabase.CreateAsync();
        using var a = new NodeSite(shared, "a");
        using var b = new NodeSite(shared, "b");
        using var browser = new NodeBrowser();
        var atA = browser.At(a.Origin);
        using var citizenAtB = new NodeBrowser();
        var visitor = citizenAtB.At(b.Origin);
        // B has cached its list page and API list: only A's notice can make it drop them before they expire (30 s).
        var listPath = $"/{Unit}/tin-tuc";
        var apiPath = $"/api/v1/posts?unit={Unit}";
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(listPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(apiPath)).StatusCode);

        await NodeBrowser.SignInAsync(atA);
        var word = "hainut" + Guid.NewGuid().ToString("N")[..8];
        var title = $"Bài đăng trên máy chủ A {word}";
        var id = await NodeBrowser.PublishAsync(atA, Unit, title);

        var waited = Stopwatch.StartNew();
        bool onPage = false, onApi = false, inList = false, inSearch = false;
        while (waited.Elapsed < Deadline && !(onPage && onApi && inList && inSearch))
        {
            onPage = onPage || (await visitor.GetStringAsync(listPath)).Contains(title);
            inList = inList || (await visitor.GetStringAsync(apiPath)).Contains(word);
            onApi = onApi || (await visitor.GetAsync($"/api/v1/posts/{id}")).StatusCode == HttpStatusCode.OK;
            inSearch = inSearch || await NodeBrowser.SearchCountAsync(visitor, word) == 1;
            await Task.Delay(100);
        }
        Assert.True(onPage, "B's list page did not show the post within 5 s.");
        Assert.True(inList, "B's API list did not show the post within 5 s.");
        Assert.True(onApi, "B's API did not answer for the post within 5 s.");
        Assert.True(inSearch, "B's search did not find the post within 5 s.");
    }

    [Fact]
    public async Task Signed_in_on_one_node_a_form_with_its_token_is_accepted_by_the_other()
    {
        await using var shared = await SharedDatabase.CreateAsync();
        using var a = new NodeSite(shared, "a");
        using var b = new NodeSite(shared, "b");
        using var browser = new NodeBrowser();
        var atA = browser.At(a.Origin);
        var atB = browser.At(b.Origin);

        await NodeBrowser.SignInAsync(atA);
        var token = await NodeBrowser.NewPostTokenAsync(atA, Unit);
        // B reads A's sign-in cookie and antiforgery cookie and token with the keys in the database.
        var editUrl = await NodeBrowser.CreateAsync(atB, Unit, "Bài viết gửi tới máy chủ B bằng phiên của máy chủ A", token);

        Assert.Contains("Bài viết gửi tới máy chủ B bằng phiên của máy chủ A", await atA.GetStringAsync(editUrl));
    }

    /// <summary>A node whose background jobs wait for its first answer (the delay is past the test), on the shared database.</summary>
    private sealed class QuietNode(SharedDatabase shared, string node) : SiteFactory
    {
        protected override bool WaitsForSearchIndex => false;

        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?> { ["BackgroundJobs:DelaySeconds"] = "300" };
                foreach (var (key, value) in shared.NodeSettings(node))
                    settings[key] = value;
                return settings;
            }
        }
    }

    [Fact]
    public async Task Two_nodes_on_a_new_database_import_the_seeds_later_parts_and_sample_data_once()
    {
        await using var shared = await SharedDatabase.CreateAsync();
        using var a = new QuietNode(shared, "a");
        using var b = new QuietNode(shared, "b");
        var atA = a.CreateClient();
        var atB = b.CreateClient();
        Assert.Equal(LaterSeedStages.Names.Count, await a.WithDbAsync(db => db.PendingSeedStages.CountAsync()));

        // Both answer at once, so both start finishing the seed at once.
        var answers = await Task.WhenAll(atA.GetAsync("/"), atB.GetAsync("/"));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Task.WhenAll(a.Services.GetRequiredService<SeedReadiness>().Completion, b.Services.GetRequiredService<SeedReadiness>().Completion)
            .WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal((0, 0), await a.WithDbAsync(async db =>
            (await db.PendingSeedStages.CountAsync(), await db.Surveys.CountAsync(s => s.SampleDataPending) + await db.Contests.CountAsync(c => c.SampleDataPending))));
        Assert.Equal((6, 47), await a.WithDbAsync(async db => (await db.Submissions.CountAsync(), await db.Procedures.CountAsync())));
        // The images' variants were made once: six per image, not twelve.
        Assert.Equal((true, 0), await a.WithDbAsync(async db => (await db.MediaAssets.AnyAsync(m => m.ContentType.StartsWith("image/")),
            await db.MediaAssets.CountAsync(m => m.ContentType.StartsWith("image/") && m.Variants.Count != 6))));
        Assert.Equal(SeedFacts.Surveys.ThacMoResponses, await b.WithDbAsync(db =>
            db.SurveyResponses.CountAsync(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Slug == SeedFacts.Surveys.ThacMoSatisfaction))));
    }
}
