using Microsoft.AspNetCore.Html;

namespace CchcSite.Web.Charts;

public enum ChartKind { HorizontalBars, Columns, Line, StackedBars }

/// <summary>A drawn chart and whether its data table follows it (false where the page's own table holds the same figures).</summary>
public sealed record ChartFigure(Chart Chart, HtmlString Svg, bool WithTable)
{
    public static ChartFigure Of(Chart chart, ChartKind kind, bool withTable = true) => new(chart, kind switch
    {
        ChartKind.Columns => SvgChart.Columns(chart),
        ChartKind.Line => SvgChart.Line(chart),
        ChartKind.StackedBars => SvgChart.StackedBars(chart),
        _ => SvgChart.HorizontalBars(chart),
    }, withTable);

    /// <summary>The view that draws it with its table: <c>return View(ChartFigure.ViewName, figure)</c> from a view component.</summary>
    public const string ViewName = "/Charts/_ChartFigure.cshtml";
}
