using CchcSite.Content.Paging;
using CchcSite.Content.Site;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

/// <summary><c>/the/{tag}</c>: the published posts carrying a tag, linked from each post's "Từ khóa" line.</summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class TagsController(SitePageBuilder pages) : Controller
{
    [HttpGet(TagPage.Prefix + "/{tag}")]
    public async Task<IActionResult> Show(string tag, [FromQuery(Name = "trang")] string? trangText = null,
        [FromQuery(Name = ListForm.YearKey)] string? nam = null, [FromQuery(Name = ListForm.AudienceKey)] string? doiTuong = null,
        [FromQuery(Name = ListForm.KindKey)] string? loai = null, CancellationToken ct = default)
    {
        var trang = PageNumber.Parse(trangText) ?? 1;
        if (trang < 1)
            return NotFound();
        var page = await pages.TagAsync(tag, trang, ListForm.From(nam, doiTuong, loai), ct);
        return page is null || trang > page.Posts.TotalPages ? NotFound() : View("Show", page);
    }
}
