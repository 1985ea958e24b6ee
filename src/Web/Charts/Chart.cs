using System.Globalization;

namespace CchcSite.Web.Charts;

/// <summary>
/// One labelled value of a chart: a unit and its score, a month and its count, a year and its score.
/// <paramref name="Note"/> is shown beside the value (e.g. "hạng 3/19", "▲ 2"); <paramref name="Highlight"/> marks the item
/// the page is about, drawn hatched and in bold so that it stands out without colour.
/// A null value is an item with no figure: listed in the text, drawn without a bar or point.
/// </summary>
public sealed record ChartValue(string Label, decimal? Value, string? Note = null, bool Highlight = false)
{
    /// <summary>For a stacked chart (<see cref="Chart.Series"/>): the item's part in each series, in the series' order.</summary>
    public IReadOnlyList<decimal>? Parts { get; init; }

    /// <summary>Written after each part's value in the text and the table ("12 ý kiến"), in the parts' order; null: none.</summary>
    public IReadOnlyList<string>? PartNotes { get; init; }

    /// <summary>A part's value as written, with its note.</summary>
    public string PartText(Chart chart, int index) =>
        chart.Format(Parts![index]) + (PartNotes is { } notes && index < notes.Count ? $" · {notes[index]}" : "");
}

/// <summary>
/// What a chart shows, for <see cref="SvgChart"/> and the data-table partial <c>/Charts/_ChartTable.cshtml</c>:
/// a title, a sentence saying what the chart is about, the values in the order shown, and how to write the numbers.
/// The scale runs from <see cref="Min"/> (default 0) to <see cref="Max"/> (default: the largest value), so a score out of
/// 100 can be drawn against its maximum.
/// </summary>
public sealed record Chart(string Title, string Description, IReadOnlyList<ChartValue> Values)
{
    /// <summary>The top of the scale; null: the largest value.</summary>
    public decimal? Max { get; init; }

    /// <summary>The bottom of the scale (line and column charts).</summary>
    public decimal Min { get; init; }

    /// <summary>A .NET number format, written with Vietnamese separators (72,53).</summary>
    public string NumberFormat { get; init; } = "0.##";

    /// <summary>Appended to each value in the text ("điểm", "%"); null: none.</summary>
    public string? ValueUnit { get; init; }

    /// <summary>Column headers of the data table.</summary>
    public string LabelHeader { get; init; } = "Mục";
    public string ValueHeader { get; init; } = "Giá trị";
    public string? NoteHeader { get; init; }

    /// <summary>
    /// The series of a stacked chart (the levels of a scale): each item then has its <see cref="ChartValue.Parts"/>, drawn
    /// end to end against <see cref="ScaleMax"/> and listed one column per series in the data table; null for one value per item.
    /// </summary>
    public IReadOnlyList<string>? Series { get; init; }

    /// <summary>The prefix of the ids inside the SVG (title, description, pattern): unique on the page.</summary>
    public string Id { get; init; } = "chart";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public string Format(decimal? value) =>
        value is { } v ? v.ToString(NumberFormat, Vietnamese) + (ValueUnit is null ? "" : (ValueUnit == "%" ? "%" : " " + ValueUnit)) : "không có số liệu";

    /// <summary>The top of the scale actually used: never zero, never below a value.</summary>
    public decimal ScaleMax
    {
        get
        {
            var largest = Values.Select(v => v.Parts is { } parts ? parts.Sum() : v.Value).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
            var max = Math.Max(Max ?? largest, largest);
            return max <= Min ? Min + 1 : max;
        }
    }
}
