using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

/// <summary>How hits of equal and unequal signals are ordered and paged (matching is in <see cref="RelevanceTests"/>).</summary>
public class RankingTests
{
    [Fact]
    public async Task A_post_about_the_word_comes_before_one_that_names_it_in_passing_and_the_newer_of_two_equals_first()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Tin hoạt động tháng 3", "Cơ quan họp giao ban. Bộ phận một cửa làm việc cả thứ bảy.", publishAt: site.Now.AddDays(-1));
        await site.AddPostAsync(unit, "Tin hoạt động tháng 2", "Bộ phận một cửa tiếp nhận hồ sơ. Một cửa trả kết quả đúng hẹn. Một cửa được khen.", publishAt: site.Now.AddDays(-30));
        await site.AddPostAsync(unit, "Tin hoạt động tháng 1", "Cơ quan họp giao ban. Bộ phận một cửa làm việc cả thứ bảy.", publishAt: site.Now.AddDays(-60));
        await site.ApplyOutboxAsync();

        Assert.Equal(["Tin hoạt động tháng 2", "Tin hoạt động tháng 3", "Tin hoạt động tháng 1"], await site.TitlesAsync("một cửa"));
    }

    [Fact]
    public async Task Pages_follow_one_another_in_relevance_and_in_date_order()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        for (var i = 0; i < 30; i++)
            await site.AddPostAsync(unit, i % 3 == 0 ? $"Cải cách hành chính đợt {i}" : $"Tin số {i}",
                $"Nội dung về cải cách hành chính, số {i}.", publishAt: site.Now.AddDays(-1 - (i * 7 % 30)));
        await site.ApplyOutboxAsync();

        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Newest })
        {
            var pages = new List<SearchResults>();
            for (var page = 1; page <= 3; page++)
                pages.Add(await site.SearchAsync("cai cach", new PostFilter { Page = new PageRequest(page, 12) }, sort));
            var hits = pages.SelectMany(p => p.Hits.Items).ToList();

            Assert.All(pages, p => Assert.Equal(30, p.Hits.TotalCount));
            Assert.Equal(30, hits.Select(h => h.Post.Id).Distinct().Count());
            var dates = hits.Select(h => h.Post.PublishedAt).ToList();
            if (sort == SearchSort.Newest)
                Assert.Equal(dates.OrderByDescending(d => d), dates);
            else
            {
                // The ten with the words in the title first, each group newest first.
                Assert.All(hits.Take(10), h => Assert.StartsWith("Cải cách", h.Post.Title));
                Assert.Equal(dates.Take(10).OrderByDescending(d => d), dates.Take(10));
                Assert.Equal(dates.Skip(10).OrderByDescending(d => d), dates.Skip(10));
            }
        }
    }

    [Fact]
    public async Task An_unpublished_post_leaves_the_hits_and_the_counts_of_a_word_already_searched_and_comes_back()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        var post = await site.AddPostAsync(unit, "Cải cách thủ tục", kind: PostKind.Document, number: "5/KH-UBND");
        await site.AddPostAsync(unit, "Cải cách hành chính");
        await site.ApplyOutboxAsync();
        Assert.Equal(2, (await site.SearchAsync("cải cách")).Hits.TotalCount);

        await SetStatusAsync(site, post.Id, PostStatus.Unpublished);
        var after = await site.SearchAsync("cải cách");
        Assert.Equal(["Cải cách hành chính"], after.Hits.Items.Select(h => h.Post.Title));
        Assert.Equal(1, after.Hits.TotalCount);
        Assert.DoesNotContain(after.Kinds, k => k.Kind == PostKind.Document);

        await SetStatusAsync(site, post.Id, PostStatus.Published);
        Assert.Equal(2, (await site.SearchAsync("cải cách")).Hits.TotalCount);
    }

    private static async Task SetStatusAsync(SearchTestSite site, int postId, PostStatus status)
    {
        await using (var db = site.Database.NewContext())
        {
            var post = await db.Posts.FindAsync(postId);
            post!.Status = status;
            await db.SaveChangesAsync();
        }
        await site.ApplyOutboxAsync();
    }
}
