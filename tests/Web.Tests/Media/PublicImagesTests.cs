using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>Public pages show seeded covers through their variants: srcset with WebP, lazy cards, sizes given.</summary>
[Collection(SeededSiteCollection.Name)]
public sealed partial class PublicImagesTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateClient();

    [Fact]
    public async Task Cards_use_variants_with_srcset_and_lazy_loading()
    {
        var html = await _client.GetStringAsync("/");
        var card = CardPicture().Match(html);
        Assert.True(card.Success, "no card with a cover");
        Assert.Matches("<source type=\"image/webp\" srcset=\"/tep/\\d+/nho/[^\" ]+\\.webp 320w, /tep/\\d+/vua/[^\" ]+\\.webp 640w, /tep/\\d+/lon/[^\" ]+\\.webp 1200w\"", card.Value);
        Assert.Contains("loading=\"lazy\"", card.Value);
        Assert.Contains("sizes=\"", card.Value);
        Assert.Matches("width=\"\\d+\" height=\"\\d+\"", card.Value);

        foreach (Match source in Regex.Matches(card.Value, "(/tep/[^\" ,]+) \\d+w"))
        {
            var response = await _client.GetAsync(source.Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_post_page_shows_its_cover_with_srcset_and_its_real_size()
    {
        var post = await site.WithDbAsync(db => db.Posts
            .Where(p => p.CoverImage != null && p.Status == Content.Posts.PostStatus.Published && p.UnpublishAt == null)
            .Select(p => new { UnitSlug = p.Unit.Slug, p.Kind, p.Slug, p.CoverImage!.Width, p.CoverImage.Height })
            .FirstAsync());
        var (width, height) = (post.Width, post.Height);
        var html = await _client.GetStringAsync(Content.Posts.PostKindSegments.PostUrl(post.UnitSlug, post.Kind, post.Slug));
        var cover = Regex.Match(html, "<img class=\"post__cover\"[^>]*>");
        Assert.True(cover.Success);
        Assert.Contains($"width=\"{width}\" height=\"{height}\"", cover.Value);
        Assert.Matches("srcset=\"/tep/\\d+/nho/[^\"]+\\.jpg 320w", cover.Value);
    }

    [Fact]
    public async Task Seeded_images_are_stored_only_as_re_encoded_variants()
    {
        var counts = await site.WithDbAsync(async db => (
            Images: await db.MediaAssets.CountAsync(a => a.ContentType.StartsWith("image/")),
            Variants: await db.Set<Content.Media.MediaVariant>().CountAsync()));
        Assert.True(counts.Images > 0);
        Assert.Equal(counts.Images * 6, counts.Variants);
        // The seed stored each image as it came and then served it from its full-size variant: that file is gone.
        Assert.Equal(0, await site.WithDbAsync(db =>
            db.MediaAssets.CountAsync(a => a.ContentType.StartsWith("image/") && !a.Variants.Any(v => v.StoragePath == a.StoragePath))));
    }

    [Theory]
    [InlineData("/tep/1/khong/anh.jpg")]
    [InlineData("/tep/999999/nho/anh.webp")]
    public async Task Unknown_variants_are_not_found(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);

    [GeneratedRegex("<picture>.*?</picture>", RegexOptions.Singleline)]
    private static partial Regex CardPicture();
}
