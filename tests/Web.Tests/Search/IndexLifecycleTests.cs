using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content;
using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Search;

public class IndexLifecycleTests
{
    private static async Task<List<string>> TitlesAsync(HttpClient client, string q)
    {
        var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}&pageSize=50");
        return results.GetProperty("hits").GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("post").GetProperty("title").GetString()!).ToList();
    }

    /// <summary>Asks until the background worker has applied the change; fails only if it never does.</summary>
    private static async Task<List<string>> EventuallyAsync(HttpClient client, string q, Func<List<string>, bool> done)
    {
        var titles = await TitlesAsync(client, q);
        for (var attempt = 0; attempt < 100 && !done(titles); attempt++)
        {
            await Task.Delay(100);
            titles = await TitlesAsync(client, q);
        }
        return titles;
    }

    [Fact]
    public async Task Edits_and_unpublishing_reach_search_through_the_outbox()
    {
        using var site = new SiteFactory();
        var client = site.CreateClient();
        var id = await site.WithDbAsync(async db =>
        {
            var post = await db.Posts.FirstAsync(p => p.Status == PostStatus.Published && p.Title.Contains("Ngã Năm"));
            post.Title = "Tiêu đề mới về thuyền rồng Ngã Năm";
            await db.SaveChangesAsync();
            return post.Id;
        });

        Assert.Single(await EventuallyAsync(client, "thuyen rong", t => t.Count == 1));

        await site.WithDbAsync(async db =>
        {
            (await db.Posts.SingleAsync(p => p.Id == id)).Status = PostStatus.Unpublished;
            return await db.SaveChangesAsync();
        });
        // Gone from the results; once no post holds the words, typo correction may offer posts about "tuyên truyền" instead.
        Assert.DoesNotContain("Tiêu đề mới về thuyền rồng Ngã Năm",
            await EventuallyAsync(client, "thuyen rong", t => !t.Contains("Tiêu đề mới về thuyền rồng Ngã Năm")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_restart_catches_up_with_changes_made_while_down_and_rebuilds_a_damaged_index(bool damageIndex)
    {
        var directory = Directory.CreateTempSubdirectory("cchc-search-restart-").FullName;
        try
        {
            using (var first = SiteFactory.OnDirectory(directory))
            {
                Assert.NotEmpty(await TitlesAsync(first.CreateClient(), "cai cach hanh chinh"));
            }

            // Written while no site runs, through the content core alone, as if the process died before its worker applied the change.
            await using (var content = new ServiceCollection().AddLogging()
                             .AddCchcContent(ContentDatabase.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(SiteFactory.DatabaseSettings(directory)).Build()))
                             .BuildServiceProvider())
            await using (var scope = content.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
                var post = await db.Posts.FirstAsync(p => p.Status == PostStatus.Published && p.PublishAt < DateTime.UtcNow);
                post.Title = "Bài viết về hoa sen vàng";
                await db.SaveChangesAsync();
            }
            if (damageIndex)
                foreach (var file in Directory.GetFiles(Path.Combine(directory, "search-index")))
                    await File.WriteAllTextAsync(file, "hỏng");

            using var second = SiteFactory.OnDirectory(directory);
            var client = second.CreateClient();
            Assert.Equal(["Bài viết về hoa sen vàng"], await TitlesAsync(client, "hoa sen vang"));
            Assert.NotEmpty(await TitlesAsync(client, "cai cach hanh chinh"));
        }
        finally
        {
            SiteFactory.DeleteDirectory(directory);
        }
    }
}
