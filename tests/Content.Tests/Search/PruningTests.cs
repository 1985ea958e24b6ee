using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

/// <summary>
/// A page of a long query weighs whole only the blocks of documents that can still reach it (<see cref="SlicedSums.Split"/>);
/// asked for every match at once, no document is left out, so every weight is summed. Each page must be that order's slice.
/// </summary>
public class PruningTests
{
    private static readonly string[] Words = ["kế hoạch", "tuyên truyền", "cải cách", "hành chính", "năm 2022", "tại cơ sở", "trực tuyến", "một cửa"];
    private const string Query = "kế hoạch tuyên truyền cải cách hành chính năm 2022 tại cơ sở trực tuyến một cửa";

    /// <summary>
    /// 600 posts (ten blocks of 64 documents), each naming a random half of the words in its text and a few in its title;
    /// one text in four is shared by several posts and the posts share 20 dates, so weights and dates tie across pages.
    /// </summary>
    [Fact]
    public async Task Each_page_of_a_long_query_is_the_slice_of_every_match_weighed_in_full()
    {
        const int count = 600;
        await using var site = await SearchTestSite.CreateAsync();
        var units = new[] { await site.AddUnitAsync("so-a"), await site.AddUnitAsync("so-b") };
        var random = new Random(27);
        var shared = Enumerable.Range(0, 8).Select(_ => Text(random)).ToList();
        for (var i = 0; i < count; i++)
        {
            var (title, body) = random.Next(4) == 0 ? shared[random.Next(shared.Count)] : Text(random);
            await site.AddPostAsync(units[i % 2], title, body, kind: i % 3 == 0 ? PostKind.Document : PostKind.Article,
                publishAt: site.Now.AddDays(-1 - random.Next(20)));
        }
        while (await site.ApplyOutboxAsync() > 0)
        {
        }
        Assert.True(UserQuery.TryParse(Query, out var query, out _));
        IndexMatches Find(int page, int size) => IndexSearch.Find(site.Index, new IndexCriteria(query, site.Now) { Page = new PageRequest(page, size) });

        var all = Find(1, IndexSearch.MaxDepth);
        Assert.InRange(all.TotalCount, 100, IndexSearch.MaxDepth - 1);
        var order = all.Hits.Select(h => h.Id).ToList();

        foreach (var size in new[] { 12, 7, 50 })
            for (var page = 1; (page - 1) * size <= all.TotalCount; page++)
            {
                var found = Find(page, size);
                Assert.Equal(order.Skip((page - 1) * size).Take(size), found.Hits.Select(h => h.Id));
                Assert.Equal(all.TotalCount, found.TotalCount);
                Assert.Equal(all.Kinds, found.Kinds);
                Assert.Equal(all.Units, found.Units);
            }
    }

    /// <summary>A title naming each word with a chance of one in five, and a text naming about half of them.</summary>
    private static (string Title, string Body) Text(Random random)
    {
        var title = string.Join(' ', Words.Where(_ => random.Next(5) == 0).Prepend("Bản tin"));
        var body = string.Join(". ", Words.Where(_ => random.Next(2) == 0).Select(w => $"Nội dung về {w}")) + ".";
        return (title, body);
    }
}
