using CchcSite.Content.Reports;
using CchcSite.Web.Charts;

namespace CchcSite.Web.Editor;

/// <summary>
/// The periodic report's pictures, drawn from the same sections its tables show (live or as sent), through the site's one
/// chart helper: months met per unit, the on-time answer rate, posts by field. A section with nothing to draw has no chart.
/// </summary>
public static class ReportCharts
{
    public static ChartFigure? For(ReportSection section) => section.Key switch
    {
        "monthly-quota" => MonthsMet(section),
        "submissions" => OnTimeRate(section),
        "posts-by-category" => PostsByField(section),
        _ => null,
    };

    /// <summary>Months with a post per unit, against the months of the period; the table above holds the same figures.</summary>
    private static ChartFigure? MonthsMet(ReportSection section)
    {
        var units = Rows(section);
        if (units.Count == 0)
            return null;
        var months = units[0].Values.Sum();
        var chart = new Chart("Số tháng đạt theo đơn vị",
            $"Số tháng có tin, bài được đăng của mỗi đơn vị, trên {months} tháng của kỳ báo cáo.",
            units.Select(u => new ChartValue(u.Label, u.Values[0], $"trên {months}")).ToList())
        { Max = months, ValueUnit = "tháng", Id = "bieu-do-thang-dat" };
        return ChartFigure.Of(chart, ChartKind.HorizontalBars, withTable: false);
    }

    /// <summary>
    /// Answered on time of all answered (on time or late), per kind and overall: a figure the table does not hold, so its
    /// own data table follows the chart. A kind with nothing answered has no rate.
    /// </summary>
    private static ChartFigure? OnTimeRate(ReportSection section)
    {
        var onTime = Column(section, "on-time");
        var late = Column(section, "late");
        if (onTime < 0 || late < 0)
            return null;
        var values = section.Rows.Select(r =>
        {
            var answered = r.Values[onTime] + r.Values[late];
            return new ChartValue(r.Label, answered > 0 ? Math.Round(100m * r.Values[onTime] / answered, 1) : null,
                $"{r.Values[onTime]}/{answered} câu trả lời", Highlight: r.Key == ReportSection.TotalKey);
        }).ToList();
        var chart = new Chart("Tỷ lệ trả lời đúng hạn",
            "Số câu trả lời đúng hạn trên tổng số câu đã trả lời (đúng hạn và quá hạn), theo loại và chung.", values)
        { Max = 100, ValueUnit = "%", NumberFormat = "0.#", LabelHeader = "Loại", ValueHeader = "Tỷ lệ đúng hạn", NoteHeader = "Đúng hạn/đã trả lời", Id = "bieu-do-dung-han" };
        return ChartFigure.Of(chart, ChartKind.HorizontalBars);
    }

    /// <summary>Posts per reform field, largest first; the table above holds the same figures.</summary>
    private static ChartFigure? PostsByField(ReportSection section)
    {
        var fields = Rows(section);
        if (fields.Count == 0)
            return null;
        var chart = new Chart("Tin, bài theo lĩnh vực", "Số tin, bài, văn bản đã đăng trong kỳ theo lĩnh vực cải cách hành chính.",
            fields.OrderByDescending(f => f.Values[0]).Select(f => new ChartValue(f.Label, f.Values[0])).ToList())
        { ValueUnit = "bài", Id = "bieu-do-linh-vuc" };
        return ChartFigure.Of(chart, ChartKind.HorizontalBars, withTable: false);
    }

    /// <summary>The rows without the total.</summary>
    private static List<ReportRow> Rows(ReportSection section) => section.Rows.Where(r => r.Key != ReportSection.TotalKey).ToList();

    private static int Column(ReportSection section, string key) => section.Columns.ToList().FindIndex(c => c.Key == key);
}
