using CchcSite.Content.Data;
using CchcSite.Content.Procedures;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.DossierResults;

/// <summary>One month of a year: the figures of every field together.</summary>
public sealed record MonthFigures(int Month, DossierFigures Figures)
{
    public string Label => $"Tháng {Month}";
}

/// <summary>One field's figures in the latest month and the year to date.</summary>
public sealed record FieldFigures(TermRef Field, DossierFigures LatestMonth, DossierFigures YearToDate);

/// <summary>
/// A year of dossier results for a unit (with its sub-units) or the whole site: each reported month, the latest month, the
/// year to date (January to the latest month), each field, and the years that have figures.
/// </summary>
public sealed record DossierYear(string? Unit, int Year, IReadOnlyList<MonthFigures> Months, IReadOnlyList<FieldFigures> Fields, IReadOnlyList<int> Years)
{
    /// <summary>The last month of the year with figures; null when the year has none.</summary>
    public int? LatestMonth => Months.Count == 0 ? null : Months[^1].Month;

    public DossierFigures LatestMonthFigures => Months.Count == 0 ? new DossierFigures() : Months[^1].Figures;

    public DossierFigures YearToDate => DossierFigures.Over(Months.Select(m => m.Figures).ToList());
}

/// <summary>The public page of dossier results, site-wide or on a unit's procedures tab.</summary>
public sealed record DossierResultsPage(UnitNode? Unit, DossierYear Statistics, IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Unit is null ? $"Kết quả giải quyết hồ sơ thủ tục hành chính năm {Statistics.Year}"
        : $"Kết quả giải quyết hồ sơ thủ tục hành chính năm {Statistics.Year} – {Unit.Unit.ShortName}", Trail);

public static class DossierAddresses
{
    public const string Segment = "ket-qua-giai-quyet";

    public static string Url(string? unitSlug, int? year = null) =>
        $"{ProcedureAddresses.ListUrl(unitSlug)}/{Segment}{(year is null ? "" : $"?nam={year}")}";
}

/// <summary>The one public read path of dossier results, for the pages and the API.</summary>
public sealed class DossierStatistics(CchcDbContext db, UnitDirectory units, SitePageBuilder pages, TimeProvider clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>
    /// The year's figures for the unit and its sub-units (null: the whole site). Without a year: the latest year with figures,
    /// or this year in Vietnam when there are none.
    /// </summary>
    public async Task<DossierYear> YearAsync(UnitNode? unit, int? year, CancellationToken ct)
    {
        var rows = db.DossierResults.AsNoTracking();
        if (unit is not null)
        {
            var ids = unit.SelfAndDescendants().Select(n => n.Unit.Id).ToList();
            rows = rows.Where(r => ids.Contains(r.UnitId));
        }
        var years = await rows.Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var chosen = year ?? (years.Count > 0 ? years[0] : VietnamTime.Today(clock).Year);
        var figures = await rows.Where(r => r.Year == chosen)
            .Select(r => new { r.Month, Field = new TermRef(r.Field.Slug, r.Field.Name), r.Field.SortOrder, r.Figures }).ToListAsync(ct);
        var months = figures.GroupBy(f => f.Month).OrderBy(g => g.Key)
            .Select(g => new MonthFigures(g.Key, DossierFigures.Sum(g.Select(f => f.Figures)))).ToList();
        var latest = months.Count == 0 ? 0 : months[^1].Month;
        var fields = figures.GroupBy(f => f.Field).OrderBy(g => g.Min(f => f.SortOrder)).ThenBy(g => g.Key.Name)
            .Select(g => new FieldFigures(g.Key, DossierFigures.Sum(g.Where(f => f.Month == latest).Select(f => f.Figures)),
                DossierFigures.Over(g.GroupBy(f => f.Month).OrderBy(m => m.Key).Select(m => DossierFigures.Sum(m.Select(f => f.Figures))).ToList())))
            .ToList();
        return new DossierYear(unit?.Unit.Slug, chosen, months, fields, years);
    }

    public async Task<DossierResultsPage?> PageAsync(string? unitSlug, int? year, CancellationToken ct)
    {
        UnitNode? unit = null;
        if (unitSlug is not null && (unit = await units.FindAsync(unitSlug, ct)) is null)
            return null;
        var statistics = await YearAsync(unit, year, ct);
        List<Breadcrumb> trail = unit is null
            ? [new("Trang chủ", "/"), new("Thủ tục hành chính", ProcedureAddresses.ListUrl(null)), new("Kết quả giải quyết hồ sơ", null)]
            : [.. await pages.UnitTrailAsync(unit.Unit.Slug, ct), new("Thủ tục hành chính", ProcedureAddresses.ListUrl(unit.Unit.Slug)),
                new("Kết quả giải quyết hồ sơ", null)];
        return new DossierResultsPage(unit, statistics, trail);
    }
}

/// <summary>Figures as the pages write them, with Vietnamese separators: 1.234 hồ sơ, 98,5%.</summary>
public static class DossierText
{
    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public static string Count(int n) => n.ToString("N0", Vietnamese);

    public static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.#", Vietnamese) + "%" : "–";
}
