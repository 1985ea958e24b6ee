using CchcSite.Content.Units;

namespace CchcSite.Content.Reports;

/// <summary>A figure of the summary: one column of one section's total row, as the reports sent it.</summary>
public sealed record SummaryColumn(string SectionKey, string ColumnKey, string SectionTitle, string Title);

/// <summary>One overseen unit in the summary: its latest version sent (or none) and its figures in the summary's columns.</summary>
public sealed record SummaryLine(UnitRef Unit, SubmittedReport? Latest, IReadOnlyList<int?> Figures);

/// <summary>
/// The overseer's "tổng hợp" for a period: every unit it oversees, sent or not, on time or late, with the key figures
/// of its latest version side by side and their totals. Built once from the inbox, then shown as a page and written
/// as XLSX and CSV, so the three cannot differ. The figures are the frozen ones sent, never recomputed.
/// </summary>
public sealed record ReportSummary(ReportPeriod Period, IReadOnlyList<SummaryColumn> Columns, IReadOnlyList<SummaryLine> Lines, IReadOnlyList<int> Totals)
{
    public int Sent => Lines.Count(l => l.Latest is not null);
    public int OnTime => Lines.Count(l => l.Latest is { OnTime: true });
    public int Late => Lines.Count(l => l.Latest is { OnTime: false });
    public int NotSent => Lines.Count(l => l.Latest is null);

    /// <summary>
    /// The key figures are each section's total row (posts, plan items, months with a post, citizens' questions): the
    /// lines a "tổng hợp" adds up. Columns are taken in the order the reports give them, so a section a later version
    /// of the report adds still shows; a unit whose report lacks it has no figure there, and adds nothing to the total.
    /// </summary>
    public static ReportSummary Of(ReportPeriod period, IReadOnlyList<InboxLine> inbox)
    {
        var figures = inbox.ToDictionary(l => l.Unit.Id, l => l.Latest is { } report ? TotalsOf(report) : []);
        var columns = figures.Values.SelectMany(f => f.Keys).Distinct().ToList();
        var lines = inbox.Select(l => new SummaryLine(l.Unit, l.Latest,
            columns.Select(c => figures[l.Unit.Id].TryGetValue(c, out var value) ? value : (int?)null).ToList())).ToList();
        var totals = columns.Select((_, i) => lines.Sum(l => l.Figures[i] ?? 0)).ToList();
        return new ReportSummary(period, columns, lines, totals);
    }

    private static Dictionary<SummaryColumn, int> TotalsOf(SubmittedReport report)
    {
        var figures = new Dictionary<SummaryColumn, int>();
        foreach (var section in ReportSubmissions.Figures(report))
            if (section.Rows.FirstOrDefault(r => r.Key == CchcSite.Content.Reports.Totals.Key) is { } total)
                foreach (var (column, value) in section.Columns.Zip(total.Values))
                    figures[new SummaryColumn(section.Key, column.Key, section.Title, column.Title)] = value;
        return figures;
    }
}
