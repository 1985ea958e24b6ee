using CchcSite.Content.Data;
using CchcSite.Content.Seeding;
using CchcSite.Content.Units;

namespace CchcSite.Content.Reports;

/// <summary>
/// Reads <c>seed/submitted-reports.json</c>: sample reports sent upward, so that an overseer's inbox and summary show
/// every state (on time, late, acknowledged, returned) on a new site. Each is marked as sample data in the name of
/// who sent and who reviewed it. The figures are the unit's report built from the seeded content for a past period,
/// so they are the same on every seeding. Runs inside the seed's one transaction, after the oversight relation; a seed
/// folder without the file seeds none.
/// </summary>
public static class SubmittedReportSeed
{
    public const string SampleSender = "Lãnh đạo đơn vị (dữ liệu mẫu)";
    public const string SampleReviewer = "Cán bộ theo dõi CCHC (dữ liệu mẫu)";

    private sealed record Entry(string Unit, ReportPeriodKind Kind, int Year, int? Quarter, DateTimeOffset SubmittedAt, SubmittedReportStatus Status,
        DateTimeOffset? ReviewedAt, string? ReviewComment, string Results, string Limitations, string Proposals);

    public static async Task<int> ImportAsync(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units, PeriodicReports reports,
        ReportSubmissions submissions, CancellationToken ct)
    {
        if (!File.Exists(path))
            return 0;
        // The reports read the seeded posts, plans and oversight from the database.
        await db.SaveChangesAsync(ct);
        var versions = new Dictionary<(int, ReportPeriodKind, int, int), int>();
        var entries = SeedFileReader.ReadJson<Entry>(path);
        foreach (var entry in entries)
        {
            var unit = units.GetValueOrDefault(entry.Unit) ?? throw new InvalidDataException($"{path}: '{entry.Unit}' is not a unit in units.json.");
            var (period, error) = ReportPeriod.Create(entry.Kind, entry.Year, entry.Quarter, null, null);
            if (period is null || !ReportSubmissions.IsSendable(period))
                throw new InvalidDataException($"{path}: {entry.Unit} {entry.Kind} {entry.Year}: {error ?? "not a period reports are sent for"}.");
            var overseer = await submissions.OverseerOfAsync(unit.Id, ct)
                ?? throw new InvalidDataException($"{path}: '{entry.Unit}' has no overseeing unit in oversight.json.");
            if (entry.Status != SubmittedReportStatus.Submitted && entry.ReviewedAt is null)
                throw new InvalidDataException($"{path}: {entry.Unit} {entry.Kind} {entry.Year}: an acknowledged or returned report needs reviewedAt.");
            var report = await reports.BuildAsync(unit.Id, includeSubUnits: true, period, ct);
            var quarter = entry.Kind == ReportPeriodKind.Quarter ? entry.Quarter!.Value : 0;
            var key = (unit.Id, entry.Kind, entry.Year, quarter);
            versions[key] = versions.GetValueOrDefault(key) + 1;
            db.SubmittedReports.Add(new SubmittedReport
            {
                UnitId = unit.Id, OverseerUnitId = overseer, PeriodKind = entry.Kind, Year = entry.Year, Quarter = quarter, Version = versions[key],
                DueOn = period.DueOn!.Value, SubmittedAt = entry.SubmittedAt.UtcDateTime, SubmittedById = "seed", SubmittedByName = SampleSender,
                FiguresJson = ReportSubmissions.Serialize(report!.Sections),
                Results = entry.Results, Limitations = entry.Limitations, Proposals = entry.Proposals, Status = entry.Status,
                ReviewComment = entry.ReviewComment, ReviewedAt = entry.ReviewedAt?.UtcDateTime,
                ReviewedByName = entry.ReviewedAt is null ? null : SampleReviewer,
            });
        }
        return entries.Count;
    }
}
