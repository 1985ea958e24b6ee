using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

/// <summary>A unit's CCHC section: <c>/{unit}</c>, its tabs and its posts.</summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class UnitsController(SitePageBuilder pages, PublishedPosts published) : Controller
{
    [HttpGet("/{unit:unit}")]
    public async Task<IActionResult> Section(string unit, CancellationToken ct)
    {
        var page = await pages.UnitSectionAsync(unit, null, 1, new ListForm(), ct);
        return page is null ? NotFound() : View("Section", page);
    }

    [HttpGet("/{unit:unit}/{segment}")]
    public async Task<IActionResult> Tab(string unit, string segment, [FromQuery(Name = "trang")] string? trangText = null,
        [FromQuery(Name = ListForm.YearKey)] string? nam = null, [FromQuery(Name = ListForm.AudienceKey)] string? doiTuong = null,
        CancellationToken ct = default)
    {
        var trang = PageNumber.Parse(trangText) ?? 1;
        if (PostKindSegments.FromSegment(segment) is not { } tab || trang < 1)
            return NotFound();
        var page = await pages.UnitSectionAsync(unit, tab, trang, ListForm.From(nam, doiTuong, null), ct);
        return page is null || trang > page.Posts.TotalPages ? NotFound() : View("Section", page);
    }

    [HttpGet("/{unit:unit}/{segment}/{slug}")]
    public Task<IActionResult> Post(string unit, string segment, string slug, CancellationToken ct) =>
        RenderPostAsync(unit, segment, slug, "Post", ct);

    /// <summary>The print view the state-portal rules require for every post.</summary>
    [HttpGet("/{unit:unit}/{segment}/{slug}/in")]
    public Task<IActionResult> Print(string unit, string segment, string slug, CancellationToken ct) =>
        RenderPostAsync(unit, segment, slug, "Print", ct);

    /// <summary>
    /// The former "Lưu bài viết" download (an .html file). A post is saved as PDF from the print view through the
    /// browser's own "Lưu thành PDF", which keeps its tables and images as printed; old links land there.
    /// </summary>
    [HttpGet("/{unit:unit}/{segment}/{slug}/tai-ve")]
    public IActionResult Save(string unit, string segment, string slug) => RedirectPermanent($"/{unit}/{segment}/{slug}/in");

    private async Task<IActionResult> RenderPostAsync(string unit, string segment, string slug, string view, CancellationToken ct)
    {
        if (PostKindSegments.FromSegment(segment) is not { } kind)
            return NotFound();
        if (await pages.PostAsync(unit, kind.Kind, slug, ct) is { } page)
            return Show(view, page);
        // Taken down or renamed: answer as the unit decided when it took the post down.
        return await published.FindRetiredAsync(unit, slug, ct) switch
        {
            RetiredAnswer.MovedTo moved => RedirectPermanent(moved.Url),
            RetiredAnswer.Gone => StatusCode(StatusCodes.Status410Gone),
            RetiredAnswer.WithdrawnNotice withdrawn => Show(view, await pages.PostPageAsync(withdrawn.Post, ct) with { WithdrawnNotice = withdrawn.Explanation }),
            _ => NotFound(),
        };
    }

    /// <summary>
    /// A post's page; one with an embedded video may frame that video's player, and only that one. The print view plays
    /// nothing, so it keeps the strict policy.
    /// </summary>
    private ViewResult Show(string view, PostPage page)
    {
        if (view == "Post" && page.Post.Video?.Embed is { } embed)
            SecurityHeaders.AllowFrames(Response, embed.FrameOrigin);
        return View(view, page);
    }
}
