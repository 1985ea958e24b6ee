using CchcSite.Content.Indexes;
using CchcSite.Web.Charts;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Indexes;

/// <summary>
/// The index pages' charts, asked for by name from the theme (<c>Component.InvokeAsync("IndexRankingChart", …)</c>), which
/// knows the read models but not the chart code: each turns a read model into a <see cref="Chart"/> and draws it with its table.
/// </summary>
public sealed class IndexRankingChartViewComponent : ViewComponent
{
    /// <summary>One bar per unit of the group, against the index's maximum; the page's ranked table holds the figures.</summary>
    public IViewComponentResult Invoke(IndexInfo index, RankingGroup group, int year, string? highlight = null)
    {
        var chart = new Chart($"{index.Name} năm {year}: {char.ToLowerInvariant(group.Title[0])}{group.Title[1..]}",
            $"Biểu đồ thanh ngang, mỗi thanh là điểm của một đơn vị, xếp theo thứ hạng.",
            group.Rows.Select(r => new ChartValue(r.Unit.ShortName, r.Score, $"hạng {r.Rank}/{r.RankedOf}", r.Unit.Slug == highlight)).ToList())
        {
            Max = index.Scale == IndexScale.Percent ? 100 : index.MaxScore, ValueUnit = index.Scale.ScaleName(), Id = $"bd-{group.Key}",
            LabelHeader = "Đơn vị", ValueHeader = "Điểm", NoteHeader = "Xếp hạng",
        };
        return View(ChartFigure.ViewName, ChartFigure.Of(chart, ChartKind.HorizontalBars, withTable: false));
    }
}

public sealed class IndexTrendChartViewComponent : ViewComponent
{
    /// <summary>The unit's score each year, every point labelled with its value and rank.</summary>
    public IViewComponentResult Invoke(UnitIndexTrend trend, string unitName)
    {
        var chart = new Chart($"{trend.Index.Name}: {unitName} qua các năm",
            "Biểu đồ đường, mỗi điểm là điểm số của một năm, kèm thứ hạng.",
            trend.Points.Select(p => new ChartValue(p.Year.ToString(), p.Score, $"hạng {p.Rank}/{p.RankedOf}")).ToList())
        {
            Max = trend.Index.Scale == IndexScale.Percent ? 100 : trend.Index.MaxScore, ValueUnit = trend.Index.Scale.ScaleName(),
            // From a round number below the lowest score, so that a change of a few points shows; the chart writes where it starts.
            Min = Math.Max(0, Math.Floor((trend.Points.Min(p => p.Score) - 10) / 10) * 10),
            Id = $"xu-huong-{trend.Index.Code.ToLowerInvariant()}", LabelHeader = "Năm", ValueHeader = "Điểm", NoteHeader = "Xếp hạng",
        };
        return View(ChartFigure.ViewName, ChartFigure.Of(chart, ChartKind.Line));
    }
}

public sealed class IndexComponentsChartViewComponent : ViewComponent
{
    /// <summary>The latest year's components, each against its own maximum (the bar shows the share of the maximum reached).</summary>
    public IViewComponentResult Invoke(UnitIndexTrend trend)
    {
        var chart = new Chart($"{trend.Index.Name} năm {trend.Latest.Year}: điểm từng thành phần so với điểm tối đa",
            "Biểu đồ thanh ngang, mỗi thanh là tỉ lệ điểm đạt được trên điểm tối đa của thành phần.",
            trend.LatestComponents.Select(c => new ChartValue(c.Name,
                c.Score is { } s && c.MaxScore is { } m && m > 0 ? Math.Round(s / m * 100, 1) : null,
                c.Score is { } score ? $"{IndexRanking.Format(score)}/{(c.MaxScore is { } max ? IndexRanking.Format(max) : "–")}" : null)).ToList())
        {
            Max = 100, ValueUnit = "%", NumberFormat = "0.#", Id = $"thanh-phan-{trend.Index.Code.ToLowerInvariant()}",
            LabelHeader = "Thành phần", ValueHeader = "Tỉ lệ đạt", NoteHeader = "Điểm / tối đa",
        };
        return View(ChartFigure.ViewName, ChartFigure.Of(chart, ChartKind.HorizontalBars));
    }
}
