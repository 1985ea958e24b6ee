using CchcSite.Content.Bulletins;
using CchcSite.Content.Paging;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Bulletins;

/// <summary>
/// The Bản tin CCHC in public: the archive of all units and of a unit's section (with its sub-units), one page per issue,
/// its A4 print layout and its PDF. Only published issues of active units exist here; anything else is a 404.
/// </summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class BulletinsController(PublicBulletins bulletins, PublicUrls urls) : Controller
{
    [HttpGet("/" + PublicBulletins.Segment)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["trang"])]
    public Task<IActionResult> Archive([FromQuery(Name = "trang")] string? trang, CancellationToken ct) => ArchiveAsync(null, trang, ct);

    [HttpGet("/{unit:unit}/" + PublicBulletins.Segment)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["trang"])]
    public Task<IActionResult> UnitArchive(string unit, [FromQuery(Name = "trang")] string? trang, CancellationToken ct) => ArchiveAsync(unit, trang, ct);

    [HttpGet("/" + PublicBulletins.Segment + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct) =>
        await bulletins.PageAsync(id, ct) is { } page ? View("Show", page) : NotFound();

    [HttpGet("/" + PublicBulletins.Segment + "/{id:int}/in")]
    public async Task<IActionResult> Print(int id, CancellationToken ct) =>
        await bulletins.PageAsync(id, ct) is { } page ? View("Print", page) : NotFound();

    [HttpGet("/" + PublicBulletins.Segment + "/{id:int}/tai-ve.pdf")]
    public async Task<IActionResult> Pdf(int id, CancellationToken ct)
    {
        if (await bulletins.FindAsync(id, ct) is not { } issue)
            return NotFound();
        var pdf = BulletinPdf.Render(issue, issue.Unit.Name, urls.Origin);
        return File(pdf, "application/pdf", $"ban-tin-cchc-{issue.Unit.Slug}-{issue.Id}.pdf");
    }

    private async Task<IActionResult> ArchiveAsync(string? unit, string? trang, CancellationToken ct)
    {
        var page = PageNumber.Parse(trang) ?? 1;
        if (page < 1)
            return NotFound();
        var archive = await bulletins.ArchiveAsync(unit, page, ct);
        return archive is null || page > archive.Issues.TotalPages ? NotFound() : View("Archive", archive);
    }
}
