using CchcSite.Content.Documents;
using CchcSite.Content.Paging;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

/// <summary>
/// The document register (sổ văn bản): the whole site's at <c>/van-ban</c> and each unit's "Văn bản" tab, a table
/// filtered by year, type, issuer and validity, sorted and paged. Each filter is its own query value, so the
/// output cache keys an answer by exactly these (AnswerQueryKeys).
/// </summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class DocumentRegisterController(DocumentRegister register, UnitDirectory units, SitePageBuilder pages) : Controller
{
    private const string Segment = DocumentRegisterPage.Segment;

    [HttpGet("/" + Segment)]
    public Task<IActionResult> Site(
        [FromQuery(Name = "nam")] string? nam, [FromQuery(Name = "loai")] string? loai, [FromQuery(Name = "co-quan")] string? coQuan,
        [FromQuery(Name = "hieu-luc")] string? hieuLuc, [FromQuery(Name = "sap-xep")] string? sapXep,
        [FromQuery(Name = "trang")] string? trang, CancellationToken ct) =>
        RenderAsync(null, nam, loai, coQuan, hieuLuc, sapXep, trang, ct);

    [HttpGet("/{unit:unit}/" + Segment)]
    public Task<IActionResult> Unit(string unit,
        [FromQuery(Name = "nam")] string? nam, [FromQuery(Name = "loai")] string? loai, [FromQuery(Name = "co-quan")] string? coQuan,
        [FromQuery(Name = "hieu-luc")] string? hieuLuc, [FromQuery(Name = "sap-xep")] string? sapXep,
        [FromQuery(Name = "trang")] string? trang, CancellationToken ct) =>
        RenderAsync(unit, nam, loai, coQuan, hieuLuc, sapXep, trang, ct);

    private async Task<IActionResult> RenderAsync(string? unitSlug, string? nam, string? loai, string? coQuan, string? hieuLuc, string? sapXep,
        string? trang, CancellationToken ct)
    {
        UnitNode? unit = null;
        if (unitSlug is not null && (unit = await units.FindAsync(unitSlug, ct)) is null)
            return NotFound();
        var page = PageNumber.Parse(trang) ?? 1;
        if (page < 1)
            return NotFound();
        int? year = int.TryParse(nam, out var parsedYear) ? parsedYear : null;
        var form = new RegisterForm(year, Blank(loai), Blank(coQuan), Blank(hieuLuc), Blank(sapXep));
        var (query, ignored) = form.ToQuery(unit?.Unit.Id, page);
        ignored |= !string.IsNullOrEmpty(nam) && year is null;
        var result = await register.FindAsync(query, ct);
        if (page > result.Entries.TotalPages)
            return NotFound();
        var path = unit is null ? "/" + Segment : $"/{unit.Unit.Slug}/{Segment}";
        List<Breadcrumb> trail = unit is null
            ? [new("Trang chủ", "/"), new("Văn bản", null)]
            : [.. await pages.UnitTrailAsync(unit.Unit.Slug, ct), new("Văn bản", null)];
        return View("Register", new DocumentRegisterPage(unit, path, form, result, trail) { IgnoredValues = ignored, Sort = query.Sort });
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
