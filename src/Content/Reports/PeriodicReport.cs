using CchcSite.Content.Plans;
using CchcSite.Content.Text;
using CchcSite.Content.Units;

namespace CchcSite.Content.Reports;

public enum ReportPeriodKind
{
    Quarter,
    HalfYear,
    Year,
    Custom,
}

/// <summary>
/// The period a report covers, in Vietnamese calendar days, and the day it is due to the level above:
/// a quarter by the 15th of its last month, six months by 15 June, a year by 15 December.
/// </summary>
public sealed record ReportPeriod(ReportPeriodKind Kind, DateOnly From, DateOnly To, DateOnly? DueOn, string Label)
{
    public static ReportPeriod ForQuarter(int year, int quarter) =>
        new(ReportPeriodKind.Quarter, new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1),
            new DateOnly(year, quarter * 3, 15), $"Quý {ToRoman(quarter)} năm {year}");

    public static ReportPeriod ForFirstHalf(int year) =>
        new(ReportPeriodKind.HalfYear, new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), new DateOnly(year, 6, 15), $"6 tháng đầu năm {year}");

    public static ReportPeriod ForYear(int year) =>
        new(ReportPeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new DateOnly(year, 12, 15), $"Năm {year}");

    /// <summary>A sendable period by the key reports and reminders are stored under (kind, year, quarter or 0).</summary>
    public static ReportPeriod OfKey(ReportPeriodKind kind, int year, int quarter) => kind switch
    {
        ReportPeriodKind.Quarter => ForQuarter(year, quarter),
        ReportPeriodKind.HalfYear => ForFirstHalf(year),
        ReportPeriodKind.Year => ForYear(year),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom period has no key."),
    };

    /// <summary>The periods a unit reports on in a year, each with its legal due day.</summary>
    public static IEnumerable<ReportPeriod> SendableIn(int year) =>
        [ForQuarter(year, 1), ForQuarter(year, 2), ForFirstHalf(year), ForQuarter(year, 3), ForQuarter(year, 4), ForYear(year)];

    /// <summary>The quarter in a stored key: 1–4 for a quarter, 0 otherwise (a key column is never null).</summary>
    public int QuarterKey => Kind == ReportPeriodKind.Quarter ? (From.Month + 2) / 3 : 0;

    public static ReportPeriod ForDates(DateOnly from, DateOnly to) =>
        new(ReportPeriodKind.Custom, from, to, null, $"Từ {VietnamTime.FormatDate(from)} đến {VietnamTime.FormatDate(to)}");

    /// <summary>The period asked for, or a Vietnamese message saying what is missing or wrong.</summary>
    public static (ReportPeriod? Period, string? Error) Create(ReportPeriodKind kind, int? year, int? quarter, DateOnly? from, DateOnly? to)
    {
        if (kind == ReportPeriodKind.Custom)
            return from is not { } start || to is not { } end ? (null, "Vui lòng nhập ngày bắt đầu và ngày kết thúc.")
                : end < start ? (null, "Ngày kết thúc phải sau ngày bắt đầu.")
                : end.DayNumber - start.DayNumber > 366 * 5 ? (null, "Kỳ báo cáo không quá 5 năm.")
                : (ForDates(start, end), null);
        if (year is not (>= 2000 and <= 2100) || year is not { } y)
            return (null, "Vui lòng nhập năm báo cáo (từ 2000 đến 2100).");
        return kind switch
        {
            ReportPeriodKind.Quarter when quarter is not (>= 1 and <= 4) => (null, "Quý phải từ 1 đến 4."),
            ReportPeriodKind.Quarter => (ForQuarter(y, quarter!.Value), null),
            ReportPeriodKind.HalfYear => (ForFirstHalf(y), null),
            _ => (ForYear(y), null),
        };
    }

    /// <summary>UTC bounds: from the start of <see cref="From"/> to the start of the day after <see cref="To"/>.</summary>
    public DateTime StartUtc => VietnamTime.StartOfDayUtc(From);

    public DateTime EndUtc => VietnamTime.StartOfDayUtc(To.AddDays(1));

    /// <summary>Every calendar month the period touches; a month is judged whole, as the monthly rule is.</summary>
    public IReadOnlyList<YearMonth> Months()
    {
        var months = new List<YearMonth>();
        for (var month = YearMonth.Of(From); month <= YearMonth.Of(To); month = month.Next)
            months.Add(month);
        return months;
    }

    private static string ToRoman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}

/// <summary>A column of a report section: a stable key for machines and a Vietnamese title for people.</summary>
public sealed record ReportColumn(string Key, string Title);

/// <summary>One line of a section: a stable key, a Vietnamese label and one number per column.</summary>
public sealed record ReportRow(string Key, string Label, IReadOnlyList<int> Values);

/// <summary>One table of a report. Every section has the same shape, so the page, the files and the API render any section.</summary>
public sealed record ReportSection(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, string? Note = null)
{
    /// <summary>The key of a section's total row, which the overseer's summary and the charts read back.</summary>
    public const string TotalKey = "total";
}

/// <summary>
/// A periodic report (báo cáo định kỳ) on a unit, built once and rendered as a page, XLSX, CSV and JSON, so the
/// numbers cannot differ between them. It counts published content and citizens' questions (numbers only, never
/// who asked or what), so every figure is public information.
/// </summary>
public sealed record PeriodicReport(UnitRef Unit, bool IncludesSubUnits, IReadOnlyList<UnitRef> Units, ReportPeriod Period,
    DateTime GeneratedAt, IReadOnlyList<ReportSection> Sections);

/// <summary>What a section is asked to count: the units (the unit, and its sub-units when asked) and the period, as of now.</summary>
public sealed record ReportScope(IReadOnlyList<UnitRef> Units, ReportPeriod Period, DateTime Now)
{
    public IReadOnlyList<int> UnitIds => Units.Select(u => u.Id).ToList();
}

/// <summary>
/// One section of the periodic report. Adding a section to the report is one class implementing this and one
/// registration; the order of registration is the order in the report.
/// </summary>
public interface IReportSection
{
    Task<ReportSection> BuildAsync(ReportScope scope, CancellationToken ct);
}

/// <summary>Builds the report for a unit and a period from every registered section.</summary>
public sealed class PeriodicReports(UnitDirectory units, TimeProvider clock, IEnumerable<IReportSection> sections)
{
    public async Task<PeriodicReport?> BuildAsync(int unitId, bool includeSubUnits, ReportPeriod period, CancellationToken ct)
    {
        if (await units.FindAsync(unitId, ct) is not { } node)
            return null;
        var scopeUnits = includeSubUnits ? node.SelfAndDescendants().Select(n => n.Unit).ToList() : [node.Unit];
        var scope = new ReportScope(scopeUnits, period, clock.GetUtcNow().UtcDateTime);
        var built = new List<ReportSection>();
        foreach (var section in sections)
            built.Add(await section.BuildAsync(scope, ct));
        return new PeriodicReport(node.Unit, includeSubUnits, scopeUnits, period, scope.Now, built);
    }
}
