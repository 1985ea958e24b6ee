using CchcSite.Content.Indexes;
using CchcSite.Web.Hosting;
using CchcSite.Web.Procedures;
using CchcSite.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Indexes;

/// <summary>
/// Index results in public: the overview of an index and year (<c>/chi-so</c>), a unit's tab (<c>/{unit}/chi-so</c>), and
/// each table as CSV. An index or year the site does not have is an address that does not exist (404), not an error.
/// </summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class IndexesController(IndexResults results) : Controller
{
    [HttpGet("/" + IndexResults.Segment)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["chi-so", "nam"])]
    public async Task<IActionResult> Overview([FromQuery(Name = "chi-so")] string? chiSo, [FromQuery(Name = "nam")] string? nam, CancellationToken ct)
    {
        if (!TryYear(nam, out var year))
            return NotFound();
        return await results.OverviewAsync(string.IsNullOrWhiteSpace(chiSo) ? null : chiSo.Trim(), year, ct) is { } page
            ? View("Overview", page) : NotFound();
    }

    [HttpGet("/" + IndexResults.Segment + "/tai-ve.csv")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["chi-so", "nam"])]
    public async Task<IActionResult> OverviewCsv([FromQuery(Name = "chi-so")] string? chiSo, [FromQuery(Name = "nam")] string? nam, CancellationToken ct)
    {
        if (!TryYear(nam, out var year) || year is null || string.IsNullOrWhiteSpace(chiSo)
            || await results.OverviewAsync(chiSo.Trim(), year, ct) is not { Index: { } index } page)
            return NotFound();
        return File(IndexTables.RankingsCsv(index, page.Groups), "text/csv; charset=utf-8", $"{index.Code.ToLowerInvariant()}-{year}.csv");
    }

    /// <summary>The index and year pages words find; site search links here. Not stored: the index follows a commit a moment later.</summary>
    [HttpGet(IndexResults.SearchPath)]
    public async Task<IActionResult> Search([FromQuery(Name = "q")] string? q, CancellationToken ct)
    {
        IndexedAnswers.DoNotStore(HttpContext);
        return View("Search", await results.SearchAsync(q, ct));
    }

    [HttpGet("/{unit:unit}/" + IndexResults.Segment)]
    public async Task<IActionResult> Unit(string unit, CancellationToken ct) =>
        await results.UnitPageAsync(unit, ct) is { } page ? View("Unit", page) : NotFound();

    [HttpGet("/{unit:unit}/" + IndexResults.Segment + "/tai-ve.csv")]
    public async Task<IActionResult> UnitCsv(string unit, CancellationToken ct) =>
        await results.UnitPageAsync(unit, ct) is { } page
            ? File(IndexTables.TrendsCsv(page), "text/csv; charset=utf-8", $"chi-so-{unit}.csv")
            : NotFound();

    /// <summary>No year, or a plausible one; anything else is an address that does not exist.</summary>
    private static bool TryYear(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!int.TryParse(text, out var parsed) || parsed is < 2000 or > 2100)
            return false;
        year = parsed;
        return true;
    }
}
