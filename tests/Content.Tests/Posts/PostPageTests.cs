using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;

namespace CchcSite.Content.Tests.Posts;

/// <summary>
/// A post's page reads its cover's variants with its tags, not in the post's own query (docs/perf.md): the page's card
/// must still be the card the lists show, its cover's variants complete and in a fixed order (size, then format).
/// </summary>
public sealed class PostPageTests
{
    [Fact]
    public async Task A_posts_page_shows_its_covers_variants_and_its_tags_as_the_lists_card_does()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        var unit = await database.AddUnitAsync("so-a");
        var withVariants = await AddPostAsync(database, unit, "co-anh", now, tags: ["Một cửa", "CCHC"], variants:
        [
            (ImageSize.Full, "image/webp"), (ImageSize.Thumbnail, "image/jpeg"), (ImageSize.Card, "image/webp"),
            (ImageSize.Thumbnail, "image/webp"), (ImageSize.Full, "image/jpeg"), (ImageSize.Card, "image/jpeg"),
        ]);
        var withoutVariants = await AddPostAsync(database, unit, "anh-cu", now, tags: ["CCHC"], variants: []);
        var noTags = await AddPostAsync(database, unit, "khong-the", now, tags: [], variants: [(ImageSize.Card, "image/jpeg")]);
        var noCover = await AddPostAsync(database, unit, "khong-anh", now, tags: ["Một cửa"], variants: null);

        await using var db = database.NewContext();
        var posts = database.NewPublishedPosts(db);
        var page = (await posts.FindAsync("so-a", "co-anh", CancellationToken.None))!;
        Assert.Equal(["CCHC", "Một cửa"], page.Tags.Select(t => t.Name));
        Assert.Equal(
            ["/tep/{0}/nho/anh.jpg image/jpeg", "/tep/{0}/nho/anh.webp image/webp", "/tep/{0}/vua/anh.jpg image/jpeg",
             "/tep/{0}/vua/anh.webp image/webp", "/tep/{0}/lon/anh.jpg image/jpeg", "/tep/{0}/lon/anh.webp image/webp"],
            page.Card.Cover!.Sources!.Select(s => s.Url.Replace($"/{withVariants.CoverImageId}/", "/{0}/") + " " + s.ContentType));

        foreach (var post in new[] { withVariants, withoutVariants, noTags, noCover })
        {
            var card = (await posts.FindAsync("so-a", post.Slug, CancellationToken.None))!.Card;
            var listed = Assert.Single(await posts.CardsAsync([post.Id], CancellationToken.None));
            Assert.Equal(listed with { Cover = null }, card with { Cover = null });
            Assert.Equal(listed.Cover is null, card.Cover is null);
            if (card.Cover is null)
                continue;
            Assert.Equal(listed.Cover! with { Sources = null }, card.Cover with { Sources = null });
            Assert.Equal(listed.Cover!.Sources!.OrderBy(s => s.Url), card.Cover.Sources!.OrderBy(s => s.Url));
        }
        Assert.Empty((await posts.FindAsync("so-a", "anh-cu", CancellationToken.None))!.Card.Cover!.Sources!);
        Assert.Equal(["CCHC"], (await posts.FindAsync("so-a", "anh-cu", CancellationToken.None))!.Tags.Select(t => t.Name));
        Assert.Empty((await posts.FindAsync("so-a", "khong-the", CancellationToken.None))!.Tags);
        Assert.Equal(["Một cửa"], (await posts.FindAsync("so-a", "khong-anh", CancellationToken.None))!.Tags.Select(t => t.Name));
    }

    /// <summary>A published post with tags and, unless <paramref name="variants"/> is null, a cover image with those variants.</summary>
    private static async Task<Post> AddPostAsync(TestDatabase database, Units.Unit unit, string slug, DateTime now,
        string[] tags, (ImageSize Size, string ContentType)[]? variants)
    {
        var post = await database.AddPostAsync(unit, slug, PostStatus.Published, now.AddDays(-1));
        await using var db = database.NewContext();
        db.Attach(post);
        foreach (var name in tags)
            post.Tags.Add(db.Set<Tag>().Local.FirstOrDefault(t => t.Name == name)
                          ?? db.Set<Tag>().FirstOrDefault(t => t.Name == name) ?? new Tag { Slug = Slug.From(name), Name = name });
        if (variants is not null)
            post.CoverImage = new MediaAsset
            {
                UnitId = unit.Id, FileName = "anh.jpg", ContentType = "image/jpeg", StoragePath = $"{slug}/anh.jpg", AltText = "Ảnh bìa",
                Width = 1600, Height = 900, CreatedAt = now,
                Variants = variants.Select(v => new MediaVariant
                {
                    Size = v.Size, ContentType = v.ContentType, FileName = v.ContentType == "image/webp" ? "anh.webp" : "anh.jpg",
                    Width = 320 * (1 + (int)v.Size), Height = 180 * (1 + (int)v.Size), StoragePath = $"{slug}/{v.Size}.{v.ContentType[6..]}",
                }).ToList(),
            };
        await db.SaveChangesAsync();
        return post;
    }
}
