using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests.Posts;

/// <summary>
/// Cards read by id (a search's page) are kept by the node until a committed change to a post or to the whole site, and
/// shown only while the visibility rule lets the public see them, by the clock of each read.
/// </summary>
public sealed class PostCardCacheTests
{
    [Fact]
    public async Task A_kept_card_is_read_once_shows_an_edit_at_once_and_leaves_when_its_window_ends()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        var post = await database.AddPostAsync(unit, "het-han-sau", PostStatus.Published, now.AddDays(-1), unpublishAt: now.AddHours(2));
        var draft = await database.AddPostAsync(unit, "ban-nhap", PostStatus.Draft, now.AddDays(-1));

        Assert.Equal(("Bài het-han-sau", 1), await CardsAsync(database, post.Id, draft.Id));
        Assert.Equal(("Bài het-han-sau", 0), await CardsAsync(database, post.Id, draft.Id));

        // Retitled as the editor area saves it: the next read goes to the database and shows the new title.
        await using (var db = database.NewContext())
        {
            (await db.Posts.SingleAsync(p => p.Id == post.Id)).Title = "Tiêu đề mới";
            await db.SaveChangesAsync();
        }
        Assert.Equal(("Tiêu đề mới", 1), await CardsAsync(database, post.Id, draft.Id));

        // Its window ends with no change committed: the kept card is no longer shown.
        database.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(("", 0), await CardsAsync(database, post.Id, draft.Id));
    }

    [Fact]
    public async Task Cards_read_while_a_change_commits_are_not_kept_and_only_post_or_site_changes_drop_them()
    {
        var cache = new PostCardCache();
        var readUnder = cache.Current;
        await cache.ContentChangedAsync(new ContentChangeSet([ContentTags.Post(1), ContentTags.Home], [1], []), default);
        cache.Offer(readUnder, [Card(1)]);
        Assert.Empty(cache.Current.Cards);

        cache.Offer(cache.Current, [Card(1)]);
        await cache.ContentChangedAsync(new ContentChangeSet([ContentTags.Questions], [], [7]), default);
        Assert.Single(cache.Current.Cards);
        await cache.ContentChangedAsync(ContentChangeSet.Everything, default);
        Assert.Empty(cache.Current.Cards);
    }

    private static CachedCard Card(int id) => new(
        new PostCard(id, PostKind.Article, "bai", "Bài", null, DateTime.UnixEpoch, new UnitRef(1, "so-a", "Sở A", "Sở A", UnitKind.Department), null, null, null, null, null),
        PostStatus.Published, DateTime.UnixEpoch, null);

    /// <summary>The titles of the visible cards among the posts (joined by "|"), and how many queries of the posts table the read made.</summary>
    private static async Task<(string Titles, int PostQueries)> CardsAsync(TestDatabase database, params int[] ids)
    {
        var counter = new TableQueryCounter("Posts");
        await using var counted = database.NewContextWith(database.Services.GetRequiredService<ContentChangeTracker>(), counter);
        await using var scope = database.Services.CreateAsyncScope();
        var cards = await ActivatorUtilities.CreateInstance<PublishedPosts>(scope.ServiceProvider, counted).CardsAsync(ids, default);
        return (string.Join("|", cards.Select(c => c.Title)), counter.Count);
    }
}
