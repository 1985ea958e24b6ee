using CchcSite.Content.Plans;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Site;

/// <summary>
/// Plans in public: a unit's plans tab, each plan with its progress, and the read-only grid of the monthly rule.
/// A merged unit's addresses find nothing here and <see cref="MergedUnitRedirect"/> answers 301.
/// </summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class PublicPlansController(PublicPlans plans) : Controller
{
    [HttpGet("/{unit:unit}/" + PublicPlans.Segment)]
    public async Task<IActionResult> Unit(string unit, CancellationToken ct) =>
        await plans.UnitPageAsync(unit, ct) is { } page ? View("Unit", page) : NotFound();

    /// <summary>A plan over several years is followed a year at a time: the year is a query value, one cached answer each.</summary>
    [HttpGet("/" + PublicPlans.Segment + "/{id:int}")]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["nam"])]
    public async Task<IActionResult> Show(int id, [FromQuery(Name = "nam")] string? nam, CancellationToken ct) =>
        !TryYear(nam, out var year) ? NotFound()
        : await plans.PlanPageAsync(id, year, ct) is { } page ? View("Show", page) : NotFound();

    /// <summary>The year is a query value, so the cache keeps one answer per year.</summary>
    [HttpGet("/{unit:unit}/" + PublicPlans.ComplianceSegment)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["nam"])]
    public async Task<IActionResult> Compliance(string unit, [FromQuery(Name = "nam")] string? nam, CancellationToken ct)
    {
        if (!TryYear(nam, out var year))
            return NotFound();
        return await plans.CompliancePageAsync(unit, year, ct) is { } page ? View("Compliance", page) : NotFound();
    }

    /// <summary>The "nam" query value: none, or a plausible year; anything else is an address that does not exist, not an error.</summary>
    private static bool TryYear(string? nam, out int? year)
    {
        year = null;
        if (string.IsNullOrEmpty(nam))
            return true;
        if (!int.TryParse(nam, out var parsed) || parsed is < 2000 or > 2100)
            return false;
        year = parsed;
        return true;
    }
}
