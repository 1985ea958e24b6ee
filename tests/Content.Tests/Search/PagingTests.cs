using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

/// <summary>Reading a long result page after page: every match once, in one order, whatever the page size.</summary>
public class PagingTests
{
    private const string Ordinary = "Tin về cải cách trong tuần.";
    private const string About = "Cải cách thủ tục, cải cách bộ máy, cải cách tài chính công: cải cách là việc của mọi cơ quan, cải cách mỗi ngày.";

    /// <summary>
    /// 150 posts, one an hour: every fifth names the words in its title; the others name them once in the text, except
    /// two that are about them. The posts are written in a shuffled order, so the order of the index is not the order
    /// of the dates.
    /// </summary>
    [Theory]
    [InlineData(12)]
    [InlineData(50)]
    [InlineData(7)]
    public async Task Every_page_holds_each_match_once_in_one_order(int pageSize)
    {
        const int count = 150;
        // By age: one of the newer posts and the oldest.
        const int aboutNewer = 61, aboutOldest = count - 1;
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Lịch tiếp công dân", "Không liên quan.");
        var titles = new string[count];
        foreach (var age in Enumerable.Range(0, count).ToList().Shuffled(seed: 7))
        {
            var (title, body) = age % 5 == 2 ? ($"Cải cách thủ tục đợt {age:000}", "Nội dung bài viết.")
                : ($"Bản tin số {age:000}", age is aboutNewer or aboutOldest ? About : Ordinary);
            titles[age] = title;
            await site.AddPostAsync(unit, title, body, publishAt: site.Now.AddHours(-1 - age));
        }
        while (await site.ApplyOutboxAsync() > 0)
        {
        }

        var pages = new List<SearchResults>();
        do
            pages.Add(await site.SearchAsync("cải cách", new PostFilter { Page = new PageRequest(pages.Count + 1, pageSize) }));
        while (pages[^1].Hits.HasNext && pages.Count < 100);
        var found = pages.SelectMany(p => p.Hits.Items.Select(h => h.Post.Title)).ToList();

        Assert.All(pages, p => Assert.Equal(count, p.Hits.TotalCount));
        Assert.Equal((count + pageSize - 1) / pageSize, pages.Count);
        Assert.Equal(found.Count, found.Distinct().Count());
        Assert.Equal(titles.Order(), found.Order());

        // Titles first, newest first; then the two about the words, newer first; then the rest, newest first.
        var inTitle = Enumerable.Range(0, count).Where(age => age % 5 == 2);
        var inText = Enumerable.Range(0, count).Where(age => age % 5 != 2 && age is not (aboutNewer or aboutOldest));
        var expected = inTitle.Append(aboutNewer).Append(aboutOldest).Concat(inText).Select(age => titles[age]);
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task Newest_first_pages_follow_one_another_in_publish_order_and_hold_each_match_once()
    {
        const int count = 30;
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Lịch tiếp công dân", "Không liên quan.", publishAt: site.Now.AddMinutes(-1));
        var published = new Dictionary<string, DateTime>();
        // Five posts share each date, so a run of equal dates crosses the boundary between the first two pages; half the
        // posts name the words in the title, so the relevance order is not the date order.
        foreach (var i in Enumerable.Range(0, count).ToList().Shuffled(seed: 11))
        {
            var (title, body) = i % 2 == 0 ? ($"Cải cách thủ tục đợt {i:00}", "Nội dung bài viết.") : ($"Bản tin số {i:00}", Ordinary);
            published[title] = site.Now.AddDays(-1 - i / 5);
            await site.AddPostAsync(unit, title, body, publishAt: published[title]);
        }
        await site.ApplyOutboxAsync();

        var pages = new List<SearchResults>();
        for (var page = 1; page <= 3; page++)
            pages.Add(await site.SearchAsync("cải cách", new PostFilter { Page = new PageRequest(page, 12) }, SearchSort.Newest));
        var found = pages.SelectMany(p => p.Hits.Items).ToList();

        Assert.All(pages, p => Assert.Equal(count, p.Hits.TotalCount));
        Assert.Equal([12, 12, 6], pages.Select(p => p.Hits.Items.Count));
        Assert.Equal(published.Keys.Order(), found.Select(h => h.Post.Title).Order());
        Assert.All(found, h => Assert.Equal(published[h.Post.Title], h.Post.PublishedAt));
        for (var i = 1; i < found.Count; i++)
            Assert.True(found[i - 1].Post.PublishedAt >= found[i].Post.PublishedAt,
                $"{found[i - 1].Post.Title} ({found[i - 1].Post.PublishedAt:u}) before {found[i].Post.Title} ({found[i].Post.PublishedAt:u})");
    }
}

internal static class ShuffleExtensions
{
    /// <summary>The items in an order fixed by the seed.</summary>
    public static List<T> Shuffled<T>(this IList<T> items, int seed)
    {
        var shuffled = items.ToList();
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        return shuffled;
    }
}
