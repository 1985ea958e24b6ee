using CchcSite.Content.Paging;
using CchcSite.Content.Site;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class CategoriesController(SitePageBuilder pages) : Controller
{
    [HttpGet("/linh-vuc")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await pages.CategoryIndexAsync(ct));

    [HttpGet("/linh-vuc/{slug}")]
    public async Task<IActionResult> Show(string slug, [FromQuery(Name = "trang")] string? trangText = null,
        [FromQuery(Name = ListForm.YearKey)] string? nam = null, [FromQuery(Name = ListForm.AudienceKey)] string? doiTuong = null,
        [FromQuery(Name = ListForm.KindKey)] string? loai = null, CancellationToken ct = default)
    {
        var trang = PageNumber.Parse(trangText) ?? 1;
        if (trang < 1)
            return NotFound();
        var page = await pages.CategoryAsync(slug, trang, ListForm.From(nam, doiTuong, loai), ct);
        return page is null || trang > page.Posts.TotalPages ? NotFound() : View("Show", page);
    }
}
