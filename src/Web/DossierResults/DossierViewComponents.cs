using CchcSite.Content.DossierResults;
using CchcSite.Content.Units;
using CchcSite.Web.Charts;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.DossierResults;

/// <summary>
/// The month charts of the dossier-results page, asked for by name from the theme. The page's month table follows them with
/// every figure, so they are drawn without a table of their own.
/// </summary>
public sealed class DossierMonthsChartViewComponent : ViewComponent
{
    /// <param name="rate">The on-time rate each month; false: the dossiers received each month.</param>
    public IViewComponentResult Invoke(DossierYear statistics, bool rate)
    {
        var chart = new Chart(
            rate ? $"Tỉ lệ hồ sơ giải quyết đúng hạn từng tháng năm {statistics.Year}" : $"Số hồ sơ tiếp nhận từng tháng năm {statistics.Year}",
            rate ? "Biểu đồ cột, mỗi cột là một tháng (T1 là tháng 1), chiều cao là phần trăm hồ sơ giải quyết đúng hạn trên số hồ sơ đã giải quyết."
                : "Biểu đồ cột, mỗi cột là một tháng (T1 là tháng 1), chiều cao là số hồ sơ tiếp nhận mới trong tháng.",
            statistics.Months.Select(m => new ChartValue($"T{m.Month}", rate ? m.Figures.OnTimeRate : m.Figures.Received,
                Highlight: m.Month == statistics.LatestMonth)).ToList())
        {
            Max = rate ? 100 : null, ValueUnit = rate ? "%" : "hồ sơ", NumberFormat = rate ? "0.#" : "#,0",
            Id = rate ? "dung-han" : "tiep-nhan", LabelHeader = "Tháng", ValueHeader = rate ? "Tỉ lệ đúng hạn" : "Tiếp nhận",
        };
        return View(ChartFigure.ViewName, ChartFigure.Of(chart, ChartKind.Columns, withTable: false));
    }
}

/// <summary>
/// The box on the procedures list (site-wide or a unit's tab): the latest month's and the year's on-time rate, and the way to
/// the full page. Nothing when the unit has no figures.
/// </summary>
public sealed class DossierSummaryViewComponent(DossierStatistics statistics) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(UnitNode? unit)
    {
        var year = await statistics.YearAsync(unit, null, HttpContext.RequestAborted);
        return year.LatestMonth is null ? Content("") : View(year);
    }
}
