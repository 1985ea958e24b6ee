using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Feeds;

/// <summary>
/// A seeded site published at <see cref="Origin"/>, whose sitemap is split into files of <see cref="SitemapPageSize"/>
/// addresses, so that the seed alone is past the limit and /sitemap.xml is an index.
/// </summary>
public sealed class FeedSite : SiteFactory
{
    public const string Origin = "http://cong.cchc.test";
    public const int SitemapPageSize = 40;
    public const string Unit = SeedFacts.Units.SoGddtSocTrang;
    public const string OtherUnit = SeedFacts.Units.UbndPhuongThacMo;
    public const string Field = "cai-cach-the-che";

    private readonly Lazy<Task<Samples>> _samples;

    public FeedSite() => _samples = new(AddSamplesAsync);

    /// <summary>The paths of the posts every feed and sitemap test looks for, added once per site.</summary>
    public sealed record Samples(string Published, string Draft, string Scheduled, string OtherUnit, string Document)
    {
        public void Deconstruct(out string published, out string draft, out string scheduled, out string otherUnit, out string document) =>
            (published, draft, scheduled, otherUnit, document) = (Published, Draft, Scheduled, OtherUnit, Document);
    }

    public Task<Samples> SamplesAsync() => _samples.Value;

    /// <summary>Dated minutes ago, so that each is among the newest of every feed it belongs to.</summary>
    private async Task<Samples> AddSamplesAsync()
    {
        var now = DateTime.UtcNow;
        return new Samples(
            await AddPostAsync(Unit, PostKind.Article, "tin-nguon-cap-kiem-thu", "Tin nguồn cấp kiểm thử: Cải cách thể chế", PostStatus.Published, now.AddMinutes(-5), Field),
            await AddPostAsync(Unit, PostKind.Article, "ban-nhap-nguon-cap", "Bản nháp chưa đăng", PostStatus.Draft, null, Field),
            await AddPostAsync(Unit, PostKind.Article, "hen-gio-nguon-cap", "Bài hẹn giờ ngày mai", PostStatus.Published, now.AddDays(1), Field),
            await AddPostAsync(OtherUnit, PostKind.Article, "tin-don-vi-khac-kiem-thu", "Tin của đơn vị khác", PostStatus.Published, now.AddMinutes(-4)),
            await AddPostAsync(Unit, PostKind.Document, "van-ban-nguon-cap-kiem-thu", "Kế hoạch kiểm thử nguồn cấp", PostStatus.Published, now.AddMinutes(-3)));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Site:PublicUrl"] = Origin,
        ["Sitemap:PageSize"] = SitemapPageSize.ToString(),
    };

    /// <summary>Adds a post straight to the database, as the editor area would leave it, and returns its public path.</summary>
    public Task<string> AddPostAsync(string unitSlug, PostKind kind, string slug, string title, PostStatus status, DateTime? publishAt,
        string? categorySlug = null) =>
        WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Slug == unitSlug);
            var category = categorySlug is null ? null : await db.Categories.SingleAsync(c => c.Slug == categorySlug);
            var cover = await db.MediaAssets.FirstAsync(m => m.ContentType == "image/jpeg");
            db.Posts.Add(new Post
            {
                UnitId = unit.Id, Kind = kind, Slug = slug, Title = title, Summary = $"Tóm tắt: {title}", Status = status,
                PublishAt = publishAt, BodyMarkdown = "Nội dung kiểm thử.", CategoryId = category?.Id, CoverImageId = cover.Id,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
                Document = kind == PostKind.Document ? new DocumentInfo { Type = DocumentType.Plan, Number = "01/KH-KT" } : null,
            });
            await db.SaveChangesAsync();
            return PostKindSegments.PostUrl(unitSlug, kind, slug);
        });

    /// <summary>The public paths of every post a visitor can read now, by the one visibility rule.</summary>
    public static Task<List<string>> VisiblePostPathsAsync(SiteFactory site) =>
        site.WithDbAsync(async db => (await db.Posts.VisibleAt(DateTime.UtcNow).Select(p => new { Unit = p.Unit.Slug, p.Kind, p.Slug }).ToListAsync())
            .Select(p => PostKindSegments.PostUrl(p.Unit, p.Kind, p.Slug)).ToList());
}
