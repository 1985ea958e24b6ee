using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Media;

/// <summary>A transcoded library video on its public page: the renditions, the poster and duration transcoding found, range requests.</summary>
public sealed class VideoPlayerTests(VideoSite site) : IClassFixture<VideoSite>
{
    private const string Unit = SeedFacts.Units.PhongGddtNgaNam;

    private Task<int> AddVideoPostAsync(string slug, int fileId) => site.WithDbAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Slug == Unit);
        var post = new Post
        {
            UnitId = unit.Id, Kind = PostKind.Video, Slug = slug, Title = "Phóng sự một cửa điện tử", Status = PostStatus.Published,
            PublishAt = DateTime.UtcNow.AddMinutes(-1), BodyMarkdown = "Phóng sự về bộ phận một cửa.",
            Video = new VideoInfo { FileId = fileId }, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    [Fact]
    public async Task A_published_video_plays_its_720p_and_360p_renditions_with_poster_duration_and_range_requests()
    {
        var (_, id) = await site.UploadAsync(Unit, "phat-720", "phat-720.mp4", await TestVideos.Mp4Async(3, 1280, 720));
        var job = await site.TranscodedAsync(id);
        Assert.True(job.State == Content.Videos.TranscodeState.Done, job.Failure);
        var citizen = site.CreateClient();
        var rendition720 = $"/tep/{id}/720p/{job.Renditions.Single(r => r.Height == 720).FileName}";
        // Not used by any public post yet: not served.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(rendition720)).StatusCode);

        await AddVideoPostAsync("phong-su-mot-cua", id);
        var html = await citizen.GetStringAsync(PostKindSegments.PostUrl(Unit, PostKind.Video, "phong-su-mot-cua"));

        var video = Regex.Match(html, "<video [^>]*>").Value;
        Assert.Contains("controls", video);
        Assert.Contains("preload=\"none\"", video);
        Assert.Contains("width=\"1280\" height=\"720\"", video);
        Assert.Contains("aria-label=\"Video: Phóng sự một cửa điện tử\"", video);
        var poster = Regex.Match(video, "poster=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal($"/tep/{job.Poster!.Id}/{job.Poster.FileName}", poster);
        var sources = Regex.Matches(html, "<source src=\"([^\"]+)\" type=\"video/mp4\"( media=\"[^\"]+\")?>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        var rendition360 = $"/tep/{id}/360p/{job.Renditions.Single(r => r.Height == 360).FileName}";
        Assert.Equal([(rendition360, " media=\"(max-width: 40rem)\""), (rendition720, ""), (rendition360, "")], sources);
        Assert.Contains("Thời lượng: 0:03", html);

        var poster200 = await citizen.GetAsync(poster);
        Assert.Equal(HttpStatusCode.OK, poster200.StatusCode);
        Assert.Equal("image/jpeg", poster200.Content.Headers.ContentType?.MediaType);

        var length = job.Renditions.Single(r => r.Height == 720).Length;
        var range = new HttpRequestMessage(HttpMethod.Get, rendition720) { Headers = { Range = new RangeHeaderValue(100, 1099) } };
        var part = await citizen.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("video/mp4", part.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"bytes 100-1099/{length}", part.Content.Headers.ContentRange?.ToString());
        Assert.Equal(1000, (await part.Content.ReadAsByteArrayAsync()).Length);
        Assert.Contains("bytes", part.Headers.AcceptRanges);

        var whole = await citizen.GetAsync(rendition360);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(job.Renditions.Single(r => r.Height == 360).Length, (await whole.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/tep/{id}/1080p/{job.Renditions[0].FileName}")).StatusCode);
    }
}
