using CchcSite.Content.DossierResults;
using CchcSite.Content.Procedures;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.DossierResults;

/// <summary>
/// The results of handling dossiers in public, under the procedures: site-wide and on a unit's procedures tab, one year at a
/// time. A year that is not a number or out of range is dropped (the latest year is shown), as unknown filters are elsewhere.
/// </summary>
[OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["nam"])]
public sealed class DossierResultsController(DossierStatistics statistics) : Controller
{
    [HttpGet("/" + ProcedureAddresses.Segment + "/" + DossierAddresses.Segment)]
    public Task<IActionResult> Index([FromQuery(Name = "nam")] string? nam, CancellationToken ct) => PageAsync(null, nam, ct);

    [HttpGet("/{unit:unit}/" + ProcedureAddresses.Segment + "/" + DossierAddresses.Segment)]
    public Task<IActionResult> Unit(string unit, [FromQuery(Name = "nam")] string? nam, CancellationToken ct) => PageAsync(unit, nam, ct);

    private async Task<IActionResult> PageAsync(string? unit, string? nam, CancellationToken ct)
    {
        int? year = int.TryParse(nam, out var y) && y is >= DossierStatistics.FirstYear and <= DossierStatistics.LastYear ? y : null;
        return await statistics.PageAsync(unit, year, ct) is { } page ? View("Index", page) : NotFound();
    }
}
