namespace CchcSite.Content.Reports;

/// <summary>What a cell's percentage is taken of.</summary>
public enum ReportShare
{
    /// <summary>No percentage (counts of different things, e.g. entries and people).</summary>
    None,
    /// <summary>Of the section's total in the same column: a kind's or a field's part of all posts.</summary>
    OfColumnTotal,
    /// <summary>Of the row's sum: done, late, overdue and not yet due of all plan rows due.</summary>
    OfRowSum,
    /// <summary>Of the row's first column: answered on time of the questions received.</summary>
    OfFirstColumn,
}

/// <summary>
/// The percentages printed beside a report's counts. Keyed by the section's stable key rather than stored with the
/// section, so that a report sent before percentages existed (its figures stored as they were) reads the same way.
/// </summary>
public static class ReportShares
{
    private static readonly Dictionary<string, ReportShare> Rules = new()
    {
        ["posts-by-kind"] = ReportShare.OfColumnTotal,
        ["posts-by-category"] = ReportShare.OfColumnTotal,
        ["plan-items"] = ReportShare.OfRowSum,
        ["monthly-quota"] = ReportShare.OfRowSum,
        ["submissions"] = ReportShare.OfFirstColumn,
        ["proposals-upward"] = ReportShare.OfFirstColumn,
    };

    public static ReportShare Of(ReportSection section) => Rules.GetValueOrDefault(section.Key);

    /// <summary>The cell's percentage (0–100), or null where the section has none, the cell is the base itself, or the base is zero.</summary>
    public static decimal? Percent(ReportSection section, ReportRow row, int column)
    {
        decimal? whole = Of(section) switch
        {
            ReportShare.OfColumnTotal when row.Key != Totals.Key =>
                section.Rows.FirstOrDefault(r => r.Key == Totals.Key)?.Values[column],
            ReportShare.OfRowSum => row.Values.Sum(),
            ReportShare.OfFirstColumn when column > 0 => row.Values[0],
            _ => null,
        };
        return whole is > 0 ? Math.Round(100m * row.Values[column] / whole.Value, 1) : null;
    }
}
