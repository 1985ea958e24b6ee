using System.Net;
using CchcSite.Content.Posts;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>Adds unpublished posts to a site of its own and checks that no public door shows them.</summary>
public sealed class VisibilityTests : IClassFixture<SiteFactory>
{
    private readonly SiteFactory _site;
    private readonly HttpClient _client;

    public VisibilityTests(SiteFactory site)
    {
        _site = site;
        _client = site.CreateClient();
    }

    private Task<(int Id, int CoverId)> AddPostAsync(string slug, PostStatus status, DateTime? publishAt, DateTime? unpublishAt = null) =>
        _site.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Slug == SeedFacts.Units.SoGddtSocTrang);
            var cover = await db.MediaAssets.FirstAsync(m => m.ContentType.StartsWith("image/"));
            var post = new Post
            {
                UnitId = unit.Id, Kind = PostKind.Article, Slug = slug, Title = $"Bài kiểm thử {slug}", Status = status,
                PublishAt = publishAt, UnpublishAt = unpublishAt, BodyMarkdown = "Nội dung chưa công khai.",
                CoverImageId = cover.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return (post.Id, cover.Id);
        });

    public static TheoryData<string, PostStatus, int?, int?> Hidden => new()
    {
        { "ban-nhap-kiem-thu", PostStatus.Draft, -1, null },
        { "cho-duyet-kiem-thu", PostStatus.InReview, -1, null },
        { "hen-gio-kiem-thu", PostStatus.Published, 2, null },
        { "het-han-kiem-thu", PostStatus.Published, -10, -1 },
        { "go-xuong-kiem-thu", PostStatus.Unpublished, -10, null },
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public async Task Unpublished_scheduled_and_expired_posts_are_invisible_everywhere(string slug, PostStatus status, int? publishDays, int? unpublishDays)
    {
        var (id, _) = await AddPostAsync(slug, status,
            publishDays is { } p ? DateTime.UtcNow.AddDays(p) : null, unpublishDays is { } u ? DateTime.UtcNow.AddDays(u) : null);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc/{slug}/in")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc/{slug}/tai-ve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/posts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/units/{SeedFacts.Units.SoGddtSocTrang}/posts/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await _client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc"));
        Assert.DoesNotContain(slug, await _client.GetStringAsync("/"));
        Assert.DoesNotContain(slug, await _client.GetStringAsync($"/api/v1/posts?unit={SeedFacts.Units.SoGddtSocTrang}&pageSize=50"));
    }

    [Fact]
    public async Task A_published_post_appears_on_the_unit_page_and_in_the_api()
    {
        var (id, _) = await AddPostAsync("cong-khai-kiem-thu", PostStatus.Published, DateTime.UtcNow.AddMinutes(-1));

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc/cong-khai-kiem-thu")).StatusCode);
        Assert.Contains("cong-khai-kiem-thu", await _client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc"));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/posts/{id}")).StatusCode);
    }

    [Fact]
    public async Task Cached_pages_and_api_answers_show_a_new_post_at_once()
    {
        Assert.DoesNotContain("moi-dang-kiem-thu", await _client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc"));
        Assert.DoesNotContain("moi-dang-kiem-thu", await _client.GetStringAsync($"/api/v1/posts?unit={SeedFacts.Units.SoGddtSocTrang}&kind=article"));
        Assert.DoesNotContain("moi-dang-kiem-thu", await _client.GetStringAsync("/"));

        await AddPostAsync("moi-dang-kiem-thu", PostStatus.Published, DateTime.UtcNow.AddMinutes(-1));

        Assert.Contains("moi-dang-kiem-thu", await _client.GetStringAsync($"/{SeedFacts.Units.SoGddtSocTrang}/tin-tuc"));
        Assert.Contains("moi-dang-kiem-thu", await _client.GetStringAsync($"/api/v1/posts?unit={SeedFacts.Units.SoGddtSocTrang}&kind=article"));
        Assert.Contains("moi-dang-kiem-thu", await _client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Files_used_only_by_a_draft_are_not_served()
    {
        var fileId = await _site.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Slug == SeedFacts.Units.SoGddtSocTrang);
            var asset = new Content.Media.MediaAsset
            {
                UnitId = unit.Id, FileName = "nhap.pdf", ContentType = "application/pdf", StoragePath = "khong-co/nhap.pdf", CreatedAt = DateTime.UtcNow,
            };
            var post = new Post
            {
                UnitId = unit.Id, Kind = PostKind.Document, Slug = "van-ban-nhap-co-tep", Title = "Văn bản nháp", Status = PostStatus.Draft,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
                Document = new DocumentInfo { Type = DocumentType.Plan },
                Attachments = [new Attachment { Title = "Dự thảo", MediaAsset = asset }],
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/tep/{fileId}/nhap.pdf")).StatusCode);
    }
}
