using CchcSite.Content.Data;
using CchcSite.Content.Units;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests;

/// <summary>The unit tree is read once per node and shared by its requests until a committed change to units.</summary>
public sealed class UnitTreeCacheTests
{
    [Fact]
    public async Task Later_requests_read_no_units_until_a_unit_changes_and_then_see_the_change_at_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var town = await database.AddUnitAsync("thi-xa");
        await database.AddUnitAsync("phuong", town);

        Assert.Equal("Đơn vị phuong", (await NameAsync(database, "phuong")).Name);
        var (name, unitQueries) = await NameAsync(database, "phuong");
        Assert.Equal(("Đơn vị phuong", 0), (name, unitQueries));

        // A rename saved as the editor area saves it: the next request reads the tree again and shows the new name.
        await using (var db = database.NewContext())
        {
            (await db.Units.SingleAsync(u => u.Slug == "phuong")).Name = "Phường Thác Mơ";
            await db.SaveChangesAsync();
        }
        Assert.Equal(("Phường Thác Mơ", 1), await NameAsync(database, "phuong"));
        Assert.Equal(("Phường Thác Mơ", 0), await NameAsync(database, "phuong"));

        // A unit taken out of the tree (merged, closed) is gone from the next request's tree.
        await using (var db = database.NewContext())
        {
            (await db.Units.SingleAsync(u => u.Slug == "phuong")).IsActive = false;
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
            Assert.Empty((await database.Get<UnitDirectory>(db).RootsAsync(default)).Single().Children);
    }

    [Fact]
    public async Task A_tree_read_while_a_unit_change_commits_is_not_kept()
    {
        var cache = new UnitTreeCache();
        var (_, readUnder) = cache.Current;
        await cache.ContentChangedAsync(new ContentChangeSet([ContentTags.Site], [], []), default);
        cache.Offer(BuildEmpty(), readUnder);
        Assert.Null(cache.Current.Tree);

        // A change that names no site-wide tag (one post) keeps the tree.
        var (_, now) = cache.Current;
        cache.Offer(BuildEmpty(), now);
        await cache.ContentChangedAsync(new ContentChangeSet([ContentTags.Post(1), ContentTags.Unit(1)], [1], []), default);
        Assert.NotNull(cache.Current.Tree);
    }

    private static UnitTree BuildEmpty() => UnitTree.Build([]);

    /// <summary>The unit's name as a new request's directory finds it, and how many queries of the units table that request made.</summary>
    private static async Task<(string? Name, int UnitQueries)> NameAsync(TestDatabase database, string slug)
    {
        var counter = new TableQueryCounter("Units");
        await using var counted = database.NewContextWith(database.Services.GetRequiredService<ContentChangeTracker>(), counter);
        var countedDirectory = new UnitDirectory(counted, database.Services.GetRequiredService<UnitTreeCache>());
        var node = await countedDirectory.FindAsync(slug, default);
        return (node?.Unit.Name, counter.Count);
    }
}
