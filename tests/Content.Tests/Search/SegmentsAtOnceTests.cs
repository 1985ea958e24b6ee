using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

/// <summary>
/// The segments of a large index are weighed on several threads at once (<see cref="IndexSearch"/>); that must find
/// the same pages, in the same order, with the same totals and counts, as weighing them one after another.
/// </summary>
public class SegmentsAtOnceTests
{
    private static readonly string[] Words = ["kế hoạch", "tuyên truyền", "cải cách", "hành chính", "năm 2022", "tại cơ sở", "trực tuyến", "một cửa"];

    // A long query, its first page and one deep in the matches; a word in most posts; a quoted phrase; newest first;
    // a typo corrected; the units and kind chosen; the questions counted beside the posts.
    private static readonly (string Text, SearchSort Sort, bool Choices, int Page, int Size)[] Searches =
    [
        ("kế hoạch tuyên truyền cải cách hành chính năm 2022 tại cơ sở trực tuyến", SearchSort.Relevance, false, 1, 12),
        ("kế hoạch tuyên truyền cải cách hành chính năm 2022 tại cơ sở trực tuyến", SearchSort.Relevance, false, 9, 50),
        ("hành chính", SearchSort.Relevance, false, 1, IndexSearch.MaxDepth),
        ("\"nội dung về tuyên truyền\"", SearchSort.Relevance, true, 2, 12),
        ("tuyên truyền", SearchSort.Newest, false, 3, 20),
        ("cải cácg hành chính", SearchSort.Relevance, false, 1, 12),
        ("trực tuyến một cửa", SearchSort.Relevance, true, 1, 100),
    ];

    /// <summary>
    /// 720 posts committed in four batches, so that the index has several segments (none is merged below ten): each
    /// names a random half of the words, one text in four is shared, and the posts share 20 dates, so weights and dates
    /// tie within and across segments.
    /// </summary>
    [Fact]
    public async Task Weighing_the_segments_at_once_finds_what_one_at_a_time_finds()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var units = new[] { await site.AddUnitAsync("so-a"), await site.AddUnitAsync("so-b"), await site.AddUnitAsync("so-c") };
        var random = new Random(3);
        var shared = Enumerable.Range(0, 8).Select(_ => Text(random)).ToList();
        for (var batch = 0; batch < 4; batch++)
        {
            for (var i = 0; i < 180; i++)
            {
                var (title, body) = random.Next(4) == 0 ? shared[random.Next(shared.Count)] : Text(random);
                await site.AddPostAsync(units[i % 3], title, body, kind: i % 3 == 0 ? PostKind.Document : PostKind.Article,
                    publishAt: site.Now.AddDays(-1 - random.Next(20)));
            }
            while (await site.ApplyOutboxAsync() > 0)
            {
            }
        }
        Assert.True(site.Index.Search(searcher => searcher.IndexReader.Leaves.Count) >= 3);

        foreach (var (text, sort, choices, page, size) in Searches)
        {
            Assert.True(UserQuery.TryParse(text, out var query, out _));
            var criteria = new IndexCriteria(query, site.Now, Sort: sort, UnitIds: choices ? [units[0].Id, units[2].Id] : null,
                Kind: choices ? PostKind.Article : null, CountQuestions: true) { Page = new PageRequest(page, size) };

            var oneAtATime = IndexSearch.Find(site.Index, criteria, documentsWorthAThread: int.MaxValue);
            var atOnce = IndexSearch.Find(site.Index, criteria, documentsWorthAThread: 1);

            Assert.True(oneAtATime.Hits.Count > 0, $"{text}, page {page} of {size}: nothing to compare ({oneAtATime.TotalCount} found)");
            Assert.Equal(oneAtATime.Hits, atOnce.Hits);
            Assert.Equal(oneAtATime.TotalCount, atOnce.TotalCount);
            Assert.Equal(oneAtATime.Kinds, atOnce.Kinds);
            Assert.Equal(oneAtATime.Units, atOnce.Units);
            Assert.Equal(oneAtATime.Others.ToList(), atOnce.Others.ToList());
            Assert.Equal(oneAtATime.QuestionCount, atOnce.QuestionCount);
            Assert.Equal(oneAtATime.Correction, atOnce.Correction);
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
