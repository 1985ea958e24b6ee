using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Reports;

/// <summary>One unit's line in the overseer's inbox for a period: its latest version, or none.</summary>
public sealed record InboxLine(UnitRef Unit, SubmittedReport? Latest)
{
    public bool Submitted => Latest is not null;
}

/// <summary>
/// Reports sent upward: an approver freezes the computed report with the unit's narrative and sends it to the unit that
/// oversees it; the overseer acknowledges it or returns it with a comment; a correction is the next version. Every
/// step asks the one permission table and is audited in the same save.
/// </summary>
public sealed class ReportSubmissions(CchcDbContext db, PeriodicReports reports, AuditLog audit, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The periods a report is sent for: those with a legal due day (a quarter, six months, a year).</summary>
    public static bool IsSendable(ReportPeriod period) => period.DueOn is not null && period.Kind != ReportPeriodKind.Custom;

    public async Task<Outcome<SubmittedReport>> SubmitAsync(int unitId, ReportPeriod period, ReportNarrative narrative, UserGrants user, Actor actor, CancellationToken ct)
    {
        if (!Permissions.Allows(user, EditorAction.SubmitReport, unitId))
            return new Outcome<SubmittedReport>.Refused("Chỉ lãnh đạo duyệt của đơn vị được gửi báo cáo.");
        if (!IsSendable(period))
            return new Outcome<SubmittedReport>.Invalid("", "Chỉ gửi báo cáo quý, 6 tháng hoặc năm.");
        var errors = narrative.Errors().ToList();
        if (errors.Count > 0)
            return Outcome<SubmittedReport>.Invalid.Of(errors);
        if (await OverseerOfAsync(unitId, ct) is not { } overseer)
            return new Outcome<SubmittedReport>.Refused("Đơn vị chưa có cơ quan theo dõi, giám sát để gửi báo cáo.");
        // The unit's own figures with its sub-units: what it answers for to the level above.
        var report = await reports.BuildAsync(unitId, includeSubUnits: true, period, ct);
        if (report is null)
            return new Outcome<SubmittedReport>.NotFound("Không tìm thấy đơn vị.");
        var quarter = period.QuarterKey;
        var versions = db.SubmittedReports.Where(r => r.UnitId == unitId && r.PeriodKind == period.Kind && r.Year == period.From.Year && r.Quarter == quarter);
        var submitted = new SubmittedReport
        {
            UnitId = unitId, OverseerUnitId = overseer, PeriodKind = period.Kind, Year = period.From.Year, Quarter = quarter,
            Version = (await versions.MaxAsync(r => (int?)r.Version, ct) ?? 0) + 1, DueOn = period.DueOn!.Value,
            SubmittedAt = clock.GetUtcNow().UtcDateTime, SubmittedById = actor.UserId, SubmittedByName = actor.UserName ?? actor.UserId,
            FiguresJson = Serialize(report.Sections),
            Results = narrative.Results!.Trim(), Limitations = narrative.Limitations!.Trim(), Proposals = narrative.Proposals!.Trim(),
            Status = SubmittedReportStatus.Submitted,
        };
        db.Add(submitted);
        audit.Record(actor, AuditActions.ReportSubmitted, $"Gửi báo cáo {period.Label}, lần {submitted.Version} ({report.Unit.Name})", "report", null, unitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<SubmittedReport>.Ok(submitted);
    }

    /// <summary>Acknowledge (<paramref name="accept"/>) or return with a comment; only the latest version still waiting.</summary>
    public async Task<Outcome<SubmittedReport>> ReviewAsync(int id, bool accept, string? comment, UserGrants user, Actor actor, CancellationToken ct)
    {
        if (await db.SubmittedReports.Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == id, ct) is not { } report)
            return new Outcome<SubmittedReport>.NotFound("Không tìm thấy báo cáo.");
        if (!Permissions.Allows(user, EditorAction.ReceiveReports, report.UnitId))
            return new Outcome<SubmittedReport>.Refused("Chỉ cơ quan theo dõi, giám sát tiếp nhận báo cáo.");
        if (!accept && string.IsNullOrWhiteSpace(comment))
            return new Outcome<SubmittedReport>.Invalid("comment", "Vui lòng ghi lý do trả lại báo cáo.");
        if (comment?.Length > 2000)
            return new Outcome<SubmittedReport>.Invalid("comment", "Ý kiến không quá 2000 ký tự.");
        var newer = await db.SubmittedReports.AnyAsync(r => r.UnitId == report.UnitId && r.PeriodKind == report.PeriodKind
            && r.Year == report.Year && r.Quarter == report.Quarter && r.Version > report.Version, ct);
        if (report.Status != SubmittedReportStatus.Submitted || newer)
            return new Outcome<SubmittedReport>.Conflict("Báo cáo này đã được xử lý hoặc đã có bản sửa mới hơn.", report);
        report.Status = accept ? SubmittedReportStatus.Acknowledged : SubmittedReportStatus.Returned;
        report.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        report.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        report.ReviewedByName = actor.UserName ?? actor.UserId;
        audit.Record(actor, AuditActions.ReportReviewed, $"{(accept ? "Tiếp nhận" : "Trả lại")} báo cáo lần {report.Version} của {report.Unit.Name}",
            "report", report.Id.ToString(), report.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<SubmittedReport>.Ok(report);
    }

    public Task<SubmittedReport?> FindAsync(int id, CancellationToken ct) =>
        db.SubmittedReports.AsNoTracking().Include(r => r.Unit).Include(r => r.OverseerUnit).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>Every version sent for the same unit and period, newest first.</summary>
    public Task<List<SubmittedReport>> VersionsAsync(SubmittedReport report, CancellationToken ct) =>
        db.SubmittedReports.AsNoTracking().Where(r => r.UnitId == report.UnitId && r.PeriodKind == report.PeriodKind
            && r.Year == report.Year && r.Quarter == report.Quarter).OrderByDescending(r => r.Version).ToListAsync(ct);

    /// <summary>The figures as they are frozen in a report sent.</summary>
    public static string Serialize(IReadOnlyList<ReportSection> sections) => JsonSerializer.Serialize(sections, Json);

    /// <summary>The figures as they were sent.</summary>
    public static IReadOnlyList<ReportSection> Figures(SubmittedReport report) =>
        JsonSerializer.Deserialize<List<ReportSection>>(report.FiguresJson, Json) ?? [];

    /// <summary>The overseer's inbox for a period: each unit its units oversee directly, with its latest version sent, or none.</summary>
    /// <param name="overseerUnitIds">The units whose inbox is read (null: every overseeing unit, for administrators).</param>
    public async Task<IReadOnlyList<InboxLine>> InboxAsync(IReadOnlySet<int>? overseerUnitIds, ReportPeriod period, CancellationToken ct)
    {
        var quarter = period.QuarterKey;
        var overseen = (await db.UnitOversights.AsNoTracking().Where(o => overseerUnitIds == null || overseerUnitIds.Contains(o.OverseerUnitId))
                .Select(o => new { o.OverseenUnit.SortOrder, Unit = new UnitRef(o.OverseenUnit.Id, o.OverseenUnit.Slug, o.OverseenUnit.Name, o.OverseenUnit.ShortName, o.OverseenUnit.Kind) })
                .ToListAsync(ct))
            .OrderBy(o => o.SortOrder).Select(o => o.Unit).Distinct().ToList();
        var ids = overseen.Select(u => u.Id).ToList();
        var sent = await db.SubmittedReports.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.PeriodKind == period.Kind && r.Year == period.From.Year && r.Quarter == quarter)
            .ToListAsync(ct);
        var latest = sent.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!);
        return overseen.Select(u => new InboxLine(u, latest.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>
    /// The unit a report goes to: a unit overseeing this one, or else one overseeing its nearest ancestor that has one
    /// (a Phòng of a town reports to the Phòng Nội vụ that oversees it; a town's ward, through the town, likewise).
    /// </summary>
    public async Task<int?> OverseerOfAsync(int unitId, CancellationToken ct)
    {
        var parentOf = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var oversight = (await db.UnitOversights.AsNoTracking().Select(o => new { o.OverseenUnitId, o.OverseerUnitId }).ToListAsync(ct))
            .ToLookup(o => o.OverseenUnitId, o => o.OverseerUnitId);
        int? current = unitId;
        for (var step = 0; current is { } id && step <= parentOf.Count; step++)
        {
            if (oversight[id].Where(o => o != unitId).Order().FirstOrDefault() is var overseer and > 0)
                return overseer;
            current = parentOf.GetValueOrDefault(id);
        }
        return null;
    }
}
