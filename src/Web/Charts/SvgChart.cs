using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CchcSite.Web.Charts;

/// <summary>
/// The site's charts, drawn on the server as SVG: no script, no client library, no request to anyone else.
/// <list type="bullet">
/// <item><see cref="HorizontalBars"/>: one bar per item (units in a ranking, components against their maximum).</item>
/// <item><see cref="Columns"/>: one column per period (months, years).</item>
/// <item><see cref="Line"/>: a trend with every point labelled with its value and note (e.g. the rank).</item>
/// <item><see cref="StackedBars"/>: one bar per item split into its series (the statements of a survey matrix by level).</item>
/// </list>
/// Every chart is an <c>role="img"</c> with a <c>&lt;title&gt;</c> and a <c>&lt;desc&gt;</c> that lists the values, so a
/// screen reader hears the figures; values are written as text on the chart, and the highlighted item is hatched and bold,
/// so nothing depends on colour. The drawing is 340 units wide and scales to its container (site.css: <c>.chart svg</c>),
/// so it reads on a 360 px phone. Show the data table (<c>/Charts/_ChartTable.cshtml</c>) beside or below it.
/// </summary>
public static class SvgChart
{
    public const int Width = 340;
    private const int FontSize = 13;
    private const string BarFill = "#1f4e8c";
    private const string Ink = "#1a1a1a";

    public static HtmlString HorizontalBars(Chart chart)
    {
        const int rowHeight = 40, barHeight = 16;
        var svg = Open(chart, chart.Values.Count * rowHeight + 4, "ngang");
        var valueRoom = ValueRoom(chart);
        var scale = chart.ScaleMax;
        var barArea = Width - valueRoom;
        for (var i = 0; i < chart.Values.Count; i++)
        {
            var item = chart.Values[i];
            var top = i * rowHeight + 2;
            svg.Append($"<g><title>{Text(item.Label)}: {Text(ValueText(chart, item))}</title>");
            svg.Append($"<text x=\"0\" y=\"{top + FontSize}\" font-size=\"{FontSize}\"{Bold(item)} fill=\"{Ink}\">{Text(Shorten(item.Label, 48))}</text>");
            var barTop = top + FontSize + 5;
            var end = 0.0;
            if (item.Value is { } value)
            {
                var width = Math.Max(0, (double)((value - Math.Min(chart.Min, 0)) / (scale - Math.Min(chart.Min, 0))) * barArea);
                end = width;
                svg.Append($"<rect class=\"chart__bar\" x=\"0\" y=\"{barTop}\" width=\"{N(width)}\" height=\"{barHeight}\" {Fill(chart, item)} data-value=\"{N((double)value)}\"/>");
            }
            svg.Append($"<text x=\"{N(end + 4)}\" y=\"{barTop + barHeight - 3}\" font-size=\"{FontSize - 1}\"{Bold(item)} fill=\"{Ink}\">{Text(ValueText(chart, item))}</text>");
            svg.Append("</g>");
        }
        return Close(svg);
    }

    public static HtmlString Columns(Chart chart)
    {
        const int height = 220, top = 22, bottom = 28;
        var svg = Open(chart, height, "cot");
        var count = Math.Max(1, chart.Values.Count);
        var band = (double)Width / count;
        var plot = height - top - bottom;
        var font = count > 8 ? 10 : 12;
        svg.Append($"<line x1=\"0\" x2=\"{Width}\" y1=\"{top + plot}\" y2=\"{top + plot}\" stroke=\"{Ink}\"/>");
        for (var i = 0; i < chart.Values.Count; i++)
        {
            var item = chart.Values[i];
            var centre = band * i + band / 2;
            svg.Append($"<g><title>{Text(item.Label)}: {Text(ValueText(chart, item))}</title>");
            var labelY = top + plot - 2.0;
            if (item.Value is { } value)
            {
                var h = Proportion(chart, value) * plot;
                var w = band * 0.6;
                svg.Append($"<rect class=\"chart__bar\" x=\"{N(centre - w / 2)}\" y=\"{N(top + plot - h)}\" width=\"{N(w)}\" height=\"{N(h)}\" {Fill(chart, item)} data-value=\"{N((double)value)}\"/>");
                labelY = top + plot - h - 4;
            }
            svg.Append($"<text x=\"{N(centre)}\" y=\"{N(labelY)}\" font-size=\"{font}\" text-anchor=\"middle\"{Bold(item)} fill=\"{Ink}\">{Text(item.Value is { } v ? chart.Format(v).Split(' ')[0] : "–")}</text>");
            svg.Append($"<text x=\"{N(centre)}\" y=\"{height - 10}\" font-size=\"{font}\" text-anchor=\"middle\"{Bold(item)} fill=\"{Ink}\">{Text(Shorten(item.Label, count > 8 ? 5 : 12))}</text>");
            svg.Append("</g>");
        }
        return Close(svg);
    }

    /// <summary>Points in order, joined where consecutive values exist; each labelled with its value above and its note below.</summary>
    public static HtmlString Line(Chart chart)
    {
        const int height = 230, top = 26, bottom = 46, side = 30;
        var svg = Open(chart, height, "duong");
        var count = chart.Values.Count;
        var step = count > 1 ? (double)(Width - 2 * side) / (count - 1) : 0;
        var plot = height - top - bottom;
        svg.Append($"<line x1=\"0\" x2=\"{Width}\" y1=\"{top + plot}\" y2=\"{top + plot}\" stroke=\"{Ink}\"/>");
        // A scale that does not start at zero says so where the eye reads the baseline.
        if (chart.Min != 0)
            svg.Append($"<text x=\"0\" y=\"{top + plot - 4}\" font-size=\"10\" fill=\"{Ink}\">{Text("từ " + chart.Format(chart.Min))}</text>");
        var points = new List<(double X, double Y)?>();
        for (var i = 0; i < count; i++)
        {
            var x = count > 1 ? side + step * i : Width / 2.0;
            points.Add(chart.Values[i].Value is { } v ? (x, top + plot - Proportion(chart, v) * plot) : null);
        }
        var path = new StringBuilder();
        for (var i = 0; i < count; i++)
            if (points[i] is { } p)
                path.Append(i > 0 && points[i - 1] is not null ? " L" : " M").Append(N(p.X)).Append(' ').Append(N(p.Y));
        if (path.Length > 0)
            svg.Append($"<path class=\"chart__line\" d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{BarFill}\" stroke-width=\"2.5\"/>");
        for (var i = 0; i < count; i++)
        {
            var item = chart.Values[i];
            var x = count > 1 ? side + step * i : Width / 2.0;
            svg.Append($"<g><title>{Text(item.Label)}: {Text(ValueText(chart, item))}</title>");
            if (points[i] is { } p)
            {
                svg.Append($"<circle class=\"chart__point\" cx=\"{N(p.X)}\" cy=\"{N(p.Y)}\" r=\"{(item.Highlight ? 6 : 4.5)}\" fill=\"{(item.Highlight ? "#fff" : BarFill)}\" stroke=\"{BarFill}\" stroke-width=\"2\" data-value=\"{N((double)item.Value!.Value)}\"/>");
                svg.Append($"<text x=\"{N(p.X)}\" y=\"{N(p.Y - 9)}\" font-size=\"12\" text-anchor=\"middle\"{Bold(item)} fill=\"{Ink}\">{Text(chart.Format(item.Value).Split(' ')[0])}</text>");
            }
            svg.Append($"<text x=\"{N(x)}\" y=\"{height - 26}\" font-size=\"12\" text-anchor=\"middle\"{Bold(item)} fill=\"{Ink}\">{Text(Shorten(item.Label, 10))}</text>");
            if (item.Note is { } note)
                svg.Append($"<text x=\"{N(x)}\" y=\"{height - 8}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">{Text(Shorten(note, 14))}</text>");
            svg.Append("</g>");
        }
        return Close(svg);
    }

    /// <summary>
    /// One bar per item, split end to end into its parts (<see cref="ChartValue.Parts"/>) in the order of <see cref="Chart.Series"/>,
    /// under a legend. The series are told apart by a diverging palette and by the value written in each part wide enough to hold
    /// it; the text alternative and the data table give every part, so nothing depends on colour.
    /// </summary>
    public static HtmlString StackedBars(Chart chart)
    {
        const int rowHeight = 44, barHeight = 20, legendLine = 20, swatch = 12;
        var series = chart.Series ?? [];
        // The legend flows in lines across the width; each item is a swatch and its series' name.
        var legend = new List<(double X, int Line, string Label, int Index)>();
        var (x, line) = (0.0, 0);
        for (var s = 0; s < series.Count; s++)
        {
            var width = swatch + 6 + series[s].Length * 0.6 * (FontSize - 2) + 12;
            if (x > 0 && x + width > Width)
                (x, line) = (0, line + 1);
            legend.Add((x, line, series[s], s));
            x += width;
        }
        var legendHeight = (line + 1) * legendLine + 6;
        var svg = Open(chart, legendHeight + chart.Values.Count * rowHeight + 2, "chong");
        foreach (var (lx, l, label, s) in legend)
        {
            var y = l * legendLine + 2;
            svg.Append($"<rect x=\"{N(lx)}\" y=\"{y}\" width=\"{swatch}\" height=\"{swatch}\" fill=\"{Palette(s, series.Count).Fill}\" stroke=\"{Ink}\" stroke-width=\"0.5\"/>");
            svg.Append($"<text x=\"{N(lx + swatch + 4)}\" y=\"{y + swatch - 1}\" font-size=\"{FontSize - 2}\" fill=\"{Ink}\">{Text(label)}</text>");
        }
        var scale = chart.ScaleMax;
        for (var i = 0; i < chart.Values.Count; i++)
        {
            var item = chart.Values[i];
            var top = legendHeight + i * rowHeight;
            svg.Append($"<g><title>{Text(item.Label)}: {Text(PartsText(chart, item))}</title>");
            svg.Append($"<text x=\"0\" y=\"{top + FontSize}\" font-size=\"{FontSize}\"{Bold(item)} fill=\"{Ink}\">{Text(Shorten(item.Label, 48))}</text>");
            var barTop = top + FontSize + 5;
            var start = 0.0;
            foreach (var (part, s) in (item.Parts ?? []).Select((p, s) => (p, s)))
            {
                var width = (double)(part / scale) * Width;
                var (fill, ink) = Palette(s, series.Count);
                svg.Append($"<rect class=\"chart__bar\" x=\"{N(start)}\" y=\"{barTop}\" width=\"{N(width)}\" height=\"{barHeight}\" fill=\"{fill}\" data-value=\"{N((double)part)}\"/>");
                var text = part.ToString("0", CultureInfo.InvariantCulture);
                if (width >= text.Length * 7 + 6)
                    svg.Append($"<text x=\"{N(start + width / 2)}\" y=\"{barTop + barHeight - 6}\" font-size=\"{FontSize - 2}\" text-anchor=\"middle\" fill=\"{ink}\">{text}</text>");
                start += width;
            }
            svg.Append("</g>");
        }
        return Close(svg);
    }

    /// <summary>A diverging palette from red (the first series, the lowest level) through grey to blue, with the ink readable on each.</summary>
    private static (string Fill, string Ink) Palette(int index, int count)
    {
        (string, string)[] five = [("#b2182b", "#fff"), ("#f4a582", Ink), ("#d9d9d9", Ink), ("#92c5de", Ink), ("#2166ac", "#fff")];
        return count <= 1 ? (BarFill, "#fff") : five[(int)Math.Round(index * (five.Length - 1.0) / (count - 1))];
    }

    private static string PartsText(Chart chart, ChartValue item) =>
        string.Join(", ", (chart.Series ?? []).Take(item.Parts?.Count ?? 0).Select((name, i) => $"{name}: {item.PartText(chart, i)}")) + (item.Note is null ? "" : $" · {item.Note}");

    /// <summary>Room right of the longest bar for the longest value text (about 0.6 em a character), at most half the width.</summary>
    public static int ValueRoom(Chart chart) =>
        (int)Math.Min(Width / 2.0, Math.Max(40, chart.Values.Select(v => ValueText(chart, v).Length).DefaultIfEmpty(0).Max() * 0.6 * (FontSize - 1) + 8));

    /// <summary>The text alternative: the description, then every item with its value and note.</summary>
    public static string Summary(Chart chart) =>
        chart.Description + " " + string.Join("; ", chart.Values.Select(v => $"{v.Label}: {(chart.Series is null ? ValueText(chart, v) : PartsText(chart, v))}")) + ".";

    private static StringBuilder Open(Chart chart, int height, string kind)
    {
        var id = IdOf(chart.Id);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart__svg chart__svg--{kind}\" viewBox=\"0 0 {Width} {height}\" ");
        svg.Append($"width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, sans-serif\">");
        svg.Append($"<title id=\"{id}-title\">{Text(chart.Title)}</title><desc id=\"{id}-desc\">{Text(Summary(chart))}</desc>");
        // Hatching: the highlighted item differs by pattern, not by hue, so it survives greyscale print and colour blindness.
        svg.Append($"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">");
        svg.Append($"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" fill=\"{BarFill}\"/></pattern></defs>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Fill(Chart chart, ChartValue item) => item.Highlight
        ? $"fill=\"url(#{IdOf(chart.Id)}-hatch)\" stroke=\"{BarFill}\" stroke-width=\"1.5\""
        : $"fill=\"{BarFill}\"";

    private static string Bold(ChartValue item) => item.Highlight ? " font-weight=\"700\"" : "";

    private static string ValueText(Chart chart, ChartValue item) => chart.Format(item.Value) + (item.Note is null ? "" : $" · {item.Note}");

    private static double Proportion(Chart chart, decimal value) =>
        Math.Clamp((double)((value - chart.Min) / (chart.ScaleMax - chart.Min)), 0, 1);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string IdOf(string id) => new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray());
}
