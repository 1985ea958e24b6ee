using System.Xml.Linq;
using CchcSite.Web.Charts;

namespace CchcSite.Web.Tests.Charts;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Chart Ranking = new("Chỉ số CCHC 2023", "Điểm của các sở, ngành.",
    [
        new("Sở Nội vụ", 90m, "hạng 1"),
        new("Sở Giáo dục và Đào tạo", 45m, "hạng 2", Highlight: true),
        new("Sở <Tài chính> & \"Kế hoạch\"", 22.5m),
        new("Sở chưa đánh giá", null),
    ]) { Max = 100, ValueUnit = "điểm" };

    private static XElement Parse(Microsoft.AspNetCore.Html.HtmlString html) => XElement.Parse(html.Value!);

    private static List<XElement> Bars(XElement svg) =>
        svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "chart__bar").ToList();

    [Fact]
    public void Horizontal_bars_draw_one_bar_per_item_with_a_value_in_proportion_to_the_scale()
    {
        var svg = Parse(SvgChart.HorizontalBars(Ranking));

        var bars = Bars(svg);
        Assert.Equal(3, bars.Count); // the item without a figure has its label and "không có số liệu", no bar
        var widths = bars.Select(b => double.Parse((string)b.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(widths[0] / 90 * 45, widths[1], 1);
        Assert.Equal(widths[0] / 90 * 22.5, widths[2], 1);
        // Against the maximum of 100, not the largest value: 90 of 100 leaves a tenth of the bar area empty.
        Assert.Equal((SvgChart.Width - SvgChart.ValueRoom(Ranking)) * 0.9, widths[0], 1);
        Assert.Contains("không có số liệu", svg.Value);
    }

    [Fact]
    public void Without_a_maximum_the_largest_value_fills_the_bar_area()
    {
        var svg = Parse(SvgChart.HorizontalBars(Ranking with { Max = null }));
        Assert.Equal(SvgChart.Width - SvgChart.ValueRoom(Ranking), double.Parse((string)Bars(svg)[0].Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture), 1);
    }

    [Theory]
    [InlineData(ChartKind.HorizontalBars)]
    [InlineData(ChartKind.Columns)]
    [InlineData(ChartKind.Line)]
    public void Every_chart_has_a_title_and_a_description_with_the_figures_and_no_script(ChartKind kind)
    {
        var figure = ChartFigure.Of(Ranking with { Id = "par-2023" }, kind);
        var svg = Parse(figure.Svg);

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("par-2023-title par-2023-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Chỉ số CCHC 2023", svg.Element(Svg + "title")!.Value);
        var desc = svg.Element(Svg + "desc")!.Value;
        Assert.Contains("Sở Giáo dục và Đào tạo: 45 điểm · hạng 2", desc);
        Assert.Contains("Sở Nội vụ: 90 điểm", desc);
        Assert.Contains("22,5", desc); // Vietnamese decimal comma
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Name.LocalName == "script" || e.Name.LocalName == "foreignObject");
        Assert.DoesNotContain(svg.DescendantsAndSelf().SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        // Markup in a label is text, never markup.
        Assert.Contains("Sở <Tài chính> & \"Kế hoạch\"", svg.Value);
        Assert.DoesNotContain("<Tài chính>", figure.Svg.Value);
    }

    [Fact]
    public void The_highlighted_item_is_hatched_and_bold_so_it_stands_out_without_colour()
    {
        var svg = Parse(SvgChart.HorizontalBars(Ranking));
        var bars = Bars(svg);
        Assert.Equal("url(#chart-hatch)", (string?)bars[1].Attribute("fill"));
        Assert.NotNull(svg.Descendants(Svg + "pattern").SingleOrDefault(p => (string?)p.Attribute("id") == "chart-hatch"));
        Assert.All(new[] { bars[0], bars[2] }, b => Assert.StartsWith("#", (string)b.Attribute("fill")!));
        Assert.Contains(svg.Descendants(Svg + "text"), t => (string?)t.Attribute("font-weight") == "700" && t.Value == "Sở Giáo dục và Đào tạo");
    }

    [Fact]
    public void Columns_are_proportional_in_height_and_labelled_with_their_period()
    {
        var months = new Chart("Hồ sơ tiếp nhận 2024", "Theo tháng.", Enumerable.Range(1, 12).Select(m => new ChartValue($"T{m}", m * 10m)).ToList());
        var svg = Parse(SvgChart.Columns(months));
        var heights = Bars(svg).Select(b => double.Parse((string)b.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, heights.Count);
        Assert.Equal(heights[11] / 12 * 3, heights[2], 1);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "T12");
    }

    [Fact]
    public void A_line_labels_each_point_with_its_value_and_note_and_breaks_at_a_missing_year()
    {
        var trend = new Chart("PAR INDEX", "Điểm qua các năm.",
            [new("2021", 80m, "hạng 5/19"), new("2022", null), new("2023", 85.5m, "hạng 3/19"), new("2024", 90m, "hạng 1/19", true)]) { Max = 100 };
        var svg = Parse(SvgChart.Line(trend));
        Assert.Equal(3, svg.Descendants(Svg + "circle").Count());
        var path = (string)svg.Descendants(Svg + "path").Single().Attribute("d")!;
        Assert.Equal(2, path.Count(c => c == 'M')); // 2021 alone, then 2023–2024
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("85,5", texts);
        Assert.Contains("hạng 3/19", texts);
        var ys = svg.Descendants(Svg + "circle").Select(c => double.Parse((string)c.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2]); // higher scores are drawn higher
    }

    [Fact]
    public void The_drawing_scales_to_its_container_from_a_phone_sized_view_box()
    {
        var svg = Parse(SvgChart.HorizontalBars(Ranking));
        Assert.StartsWith($"0 0 {SvgChart.Width} ", (string)svg.Attribute("viewBox")!);
        Assert.True(SvgChart.Width <= 360);
    }
}
