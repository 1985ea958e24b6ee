using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using Microsoft.Extensions.Time.Testing;

namespace CchcSite.Content.Tests.Search;

/// <summary>
/// What the index found for a search is kept for the half-minute it was found in and dropped by any change the index
/// applies. A post scheduled a few seconds ahead shows which: a fresh search at a later time finds it, a kept one does not.
/// </summary>
public sealed class SearchCacheTests
{
    [Fact]
    public async Task A_repeated_search_is_answered_from_the_cache_until_the_half_minute_ends_or_the_index_changes()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-noi-vu");
        // The test clock starts on a whole minute, the start of a half-minute.
        await site.AddPostAsync(unit, "Thuyền rồng về đích", publishAt: site.Now.AddSeconds(10));
        await site.ApplyOutboxAsync();
        Assert.Empty(await site.TitlesAsync("thuyen rong"));

        site.Database.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Empty(await site.TitlesAsync("thuyen rong"));
        // Another page size is another key: searched afresh, it finds the post now public.
        Assert.Equal(["Thuyền rồng về đích"], await site.TitlesAsync("thuyen rong", new PostFilter { Page = new PageRequest(1, 10) }));

        site.Database.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(["Thuyền rồng về đích"], await site.TitlesAsync("thuyen rong"));

        await site.AddPostAsync(unit, "Thuyền rồng thứ hai");
        await site.ApplyOutboxAsync();
        Assert.Equal(2, (await site.TitlesAsync("thuyen rong")).Count);
    }

    [Fact]
    public void A_quiet_site_releases_the_results_whose_half_minute_has_passed_and_keeps_the_others()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.Zero));
        using var cache = new SearchResultCache(clock);
        var found = new IndexMatches([], 0, new Dictionary<long, int>(), new Dictionary<long, int>(), 0);
        SearchResultCache.Key KeyOf(string text) => new(1, Thesaurus.Empty, text, new PostFilter(), SearchSort.Relevance,
            SearchResultCache.Key.HalfMinuteOf(clock.GetUtcNow().UtcDateTime), null);
        cache.GetOrFind(KeyOf("thu tuc"), () => found);
        cache.GetOrFind(KeyOf("cai cach"), () => found);

        clock.Advance(TimeSpan.FromSeconds(20));
        cache.GetOrFind(KeyOf("ho so"), () => found);
        clock.Advance(TimeSpan.FromSeconds(15));
        // The cache itself looks for expired entries only when it is used, and no search comes.
        Assert.Equal(3, cache.Count);

        cache.Release();
        Assert.Equal(1, cache.Count);
    }
}
