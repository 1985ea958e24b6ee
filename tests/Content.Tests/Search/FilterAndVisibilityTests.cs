using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

public class FilterAndVisibilityTests
{
    [Fact]
    public async Task Drafts_scheduled_and_expired_posts_never_appear_and_a_window_opens_without_reindexing()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        var now = site.Now;
        await site.AddPostAsync(unit, "Hội thi cải cách công khai");
        await site.AddPostAsync(unit, "Hội thi cải cách bản nháp", status: PostStatus.Draft);
        await site.AddPostAsync(unit, "Hội thi cải cách chờ duyệt", status: PostStatus.InReview);
        await site.AddPostAsync(unit, "Hội thi cải cách hẹn giờ", publishAt: now.AddHours(1));
        await site.AddPostAsync(unit, "Hội thi cải cách hết hạn", publishAt: now.AddDays(-3), unpublishAt: now);
        await site.AddPostAsync(unit, "Hội thi cải cách gỡ xuống", status: PostStatus.Unpublished);
        await site.ApplyOutboxAsync();

        Assert.Equal(["Hội thi cải cách công khai"], await site.TitlesAsync("hội thi"));

        site.Database.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["Hội thi cải cách công khai", "Hội thi cải cách hẹn giờ"], (await site.TitlesAsync("hội thi")).Order());
    }

    [Fact]
    public async Task Filters_by_unit_with_sub_units_kind_category_and_dates_and_counts_the_whole_match()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var town = await site.AddUnitAsync("ubnd-thi-xa");
        var school = await site.AddUnitAsync("phong-gd", town);
        var other = await site.AddUnitAsync("so-khac");
        var reform = await site.AddCategoryAsync("cai-cach-the-che");
        var now = site.Now;
        await site.AddPostAsync(town, "Tuyên truyền tại thị xã", kind: PostKind.Article, category: reform, publishAt: now.AddDays(-40));
        await site.AddPostAsync(school, "Tuyên truyền trong trường học", kind: PostKind.Practice, publishAt: now.AddDays(-10));
        await site.AddPostAsync(other, "Tuyên truyền của sở", kind: PostKind.Article, publishAt: now.AddDays(-5));
        await site.ApplyOutboxAsync();

        var withSubUnits = await site.TitlesAsync("tuyên truyền", new PostFilter(UnitId: town.Id) { Page = new PageRequest(1, 10) });
        Assert.Equal(["Tuyên truyền tại thị xã", "Tuyên truyền trong trường học"], withSubUnits.Order());
        Assert.Equal(["Tuyên truyền trong trường học"], await site.TitlesAsync("tuyên truyền", new PostFilter(Kind: PostKind.Practice)));
        Assert.Equal(["Tuyên truyền tại thị xã"], await site.TitlesAsync("tuyên truyền", new PostFilter(CategorySlug: "cai-cach-the-che")));
        var recent = await site.TitlesAsync("tuyên truyền", new PostFilter(From: DateOnly.FromDateTime(now.AddDays(-20))));
        Assert.Equal(["Tuyên truyền của sở", "Tuyên truyền trong trường học"], recent.Order());

        var all = await site.SearchAsync("tuyên truyền");
        Assert.Equal(3, all.Hits.TotalCount);
        Assert.Equal([(PostKind.Article, 2), (PostKind.Practice, 1)], all.Kinds.Select(k => (k.Kind, k.Count)));
        Assert.Equal(3, all.Units.Sum(u => u.Count));
        Assert.Contains(all.Units, u => u.Unit.Slug == "phong-gd" && u.Count == 1);
    }

    [Fact]
    public async Task Newest_first_and_paging_with_the_total()
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        for (var day = 1; day <= 7; day++)
            await site.AddPostAsync(unit, $"Bản tin cải cách số {day}", publishAt: site.Now.AddDays(-10 + day));
        await site.ApplyOutboxAsync();

        var page2 = await site.SearchAsync("bản tin", new PostFilter { Page = new PageRequest(2, 3) }, SearchSort.Newest);
        Assert.Equal(7, page2.Hits.TotalCount);
        Assert.Equal(3, page2.Hits.TotalPages);
        Assert.Equal(["Bản tin cải cách số 4", "Bản tin cải cách số 3", "Bản tin cải cách số 2"], page2.Hits.Items.Select(h => h.Post.Title));
        var page3 = await site.SearchAsync("bản tin", new PostFilter { Page = new PageRequest(3, 3) }, SearchSort.Newest);
        Assert.Equal(["Bản tin cải cách số 1"], page3.Hits.Items.Select(h => h.Post.Title));
    }
}
