using CchcSite.Content.Accounts;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Reports;
using CchcSite.Content.Units;
using CchcSite.Web.Reports;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>The period of the inbox and of the send form, in the editor area's Vietnamese parameter names.</summary>
public sealed class SentReportPeriod
{
    [FromQuery(Name = "ky")] public ReportPeriodKind Ky { get; set; } = ReportPeriodKind.HalfYear;
    [FromQuery(Name = "nam")] public int? Nam { get; set; }
    [FromQuery(Name = "quy")] public int? Quy { get; set; }

    public (ReportPeriod? Period, string? Error) Resolve() =>
        Ky == ReportPeriodKind.Custom ? (null, "Chỉ gửi báo cáo quý, 6 tháng hoặc năm.") : ReportPeriod.Create(Ky, Nam, Quy, null, null);
}

public sealed class SendReportForm
{
    public string? Unit { get; set; }
    public ReportPeriodKind Ky { get; set; } = ReportPeriodKind.HalfYear;
    public int? Nam { get; set; }
    public int? Quy { get; set; }
    public string? Results { get; set; }
    public string? Limitations { get; set; }
    public string? Proposals { get; set; }
}

public sealed record SentReportsPage(SentReportPeriod Query, ReportPeriod? Period, IReadOnlyList<InboxLine> Inbox, bool Receives, IReadOnlyList<UnitRef> SendingUnits);

public sealed record SentReportsSummaryPage(SentReportPeriod Query, ReportSummary? Summary);

public sealed record SendReportPage(SendReportForm Form, IReadOnlyList<UnitRef> Units, ReportPeriod? Period);

public sealed record SentReportView(SubmittedReport Report, IReadOnlyList<ReportSection> Figures, IReadOnlyList<SubmittedReport> Versions, bool MayReview, bool MaySendAgain);

/// <summary>
/// Reports sent upward (issue 23): an approver sends the unit's computed report with its narrative; the overseeing unit's
/// inbox lists, per period, who sent on time, late or not at all; the overseer acknowledges or returns a report.
/// </summary>
public sealed class SubmittedReportsController(ReportSubmissions submissions, UnitDirectory units, CurrentEditor editor, TimeProvider clock,
    ReportNotices notices) : EditorController
{
    public const string Base = "/quan-tri/bao-cao-gui";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(SentReportPeriod query, CancellationToken ct)
    {
        var grants = await editor.GrantsAsync();
        query.Nam ??= CchcSite.Content.Plans.YearMonth.Of(clock.GetUtcNow().UtcDateTime).Year;
        var (period, error) = query.Resolve();
        if (period is null)
        {
            ModelState.AddModelError("", error!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        var receiving = Permissions.UnitsAllowing(grants, EditorAction.ReceiveReports);
        var inbox = period is null || receiving is { Count: 0 } ? [] : await submissions.InboxAsync(receiving, period, ct);
        return View(new SentReportsPage(query, period, inbox, receiving is not { Count: 0 }, await SendingUnitsAsync(ct)));
    }

    /// <summary>The overseer's summary of a period: every unit it receives reports from, sent or not, figures side by side.</summary>
    [HttpGet(Base + "/tong-hop")]
    public async Task<IActionResult> Summary(SentReportPeriod query, CancellationToken ct)
    {
        var (summary, refusal) = await SummaryAsync(query, ct);
        if (refusal is not null)
            return refusal;
        if (summary is null)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new SentReportsSummaryPage(query, summary));
    }

    [HttpGet(Base + "/tong-hop.xlsx")]
    public async Task<IActionResult> SummaryXlsx(SentReportPeriod query, CancellationToken ct)
    {
        var (summary, refusal) = await SummaryAsync(query, ct);
        return refusal ?? (summary is null ? PeriodError()
            : File(ReportFiles.Xlsx(summary), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SummaryFileName(summary, "xlsx")));
    }

    [HttpGet(Base + "/tong-hop.csv")]
    public async Task<IActionResult> SummaryCsv(SentReportPeriod query, CancellationToken ct)
    {
        var (summary, refusal) = await SummaryAsync(query, ct);
        return refusal ?? (summary is null ? PeriodError() : File(ReportFiles.Csv(summary), "text/csv; charset=utf-8", SummaryFileName(summary, "csv")));
    }

    /// <summary>The summary; or a refusal for one who receives no reports; or neither when the period is wrong (the message is in ModelState).</summary>
    private async Task<(ReportSummary? Summary, IActionResult? Refusal)> SummaryAsync(SentReportPeriod query, CancellationToken ct)
    {
        var receiving = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ReceiveReports);
        if (receiving is { Count: 0 })
            return (null, Forbid());
        query.Nam ??= CchcSite.Content.Plans.YearMonth.Of(clock.GetUtcNow().UtcDateTime).Year;
        var (period, error) = query.Resolve();
        if (period is null)
        {
            ModelState.AddModelError("", error!);
            return (null, null);
        }
        return (ReportSummary.Of(period, await submissions.InboxAsync(receiving, period, ct)), null);
    }

    private BadRequestObjectResult PeriodError() => BadRequest(string.Join(" ", ModelState[""]!.Errors.Select(e => e.ErrorMessage)));

    private static string SummaryFileName(ReportSummary summary, string extension) =>
        $"tong-hop-bao-cao-{CchcSite.Content.Text.Slug.From(summary.Period.Label)}.{extension}";

    /// <summary>The send form for a unit and a quarter, half-year or year.</summary>
    public static string SendUrl(string unitSlug, ReportPeriod period) =>
        $"{Base}/gui?don-vi={Uri.EscapeDataString(unitSlug)}&ky={period.Kind}&nam={period.From.Year}&quy={period.QuarterKey}";

    [HttpGet(Base + "/gui")]
    public async Task<IActionResult> New([FromQuery(Name = "don-vi")] string? donVi, SentReportPeriod query, CancellationToken ct)
    {
        var sending = await SendingUnitsAsync(ct);
        if (sending.Count == 0)
            return Forbid();
        query.Nam ??= CchcSite.Content.Plans.YearMonth.Of(clock.GetUtcNow().UtcDateTime).Year;
        var form = new SendReportForm { Unit = donVi ?? sending[0].Slug, Ky = query.Ky, Nam = query.Nam, Quy = query.Quy };
        return View("Form", new SendReportPage(form, sending, query.Resolve().Period));
    }

    [HttpPost(Base + "/gui")]
    public async Task<IActionResult> Send(SendReportForm form, CancellationToken ct)
    {
        if (await units.FindAsync(form.Unit ?? "", ct) is not { } unit)
            return NotFound();
        if (!await MayAsync(unit.Unit.Id, EditorAction.SubmitReport))
            return Forbid();
        var (period, error) = new SentReportPeriod { Ky = form.Ky, Nam = form.Nam, Quy = form.Quy }.Resolve();
        async Task<IActionResult> Again() => View("Form", new SendReportPage(form, await SendingUnitsAsync(ct), period));
        if (period is null)
        {
            ModelState.AddModelError("", error!);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await Again();
        }
        var outcome = await submissions.SubmitAsync(unit.Unit.Id, period, new ReportNarrative(form.Results, form.Limitations, form.Proposals),
            await editor.GrantsAsync(), editor.Actor, ct);
        if (outcome is Outcome<SubmittedReport>.Ok { Value: var stored })
            await notices.SubmittedAsync(stored.Id, ct);
        return await FormOutcomeAsync(outcome, sent =>
        {
            TempData["Message"] = sent.OnTime ? "Đã gửi báo cáo đúng hạn." : "Đã gửi báo cáo (quá hạn).";
            return Redirect($"{Base}/{sent.Id}");
        }, Again);
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var (report, refusal) = await AuthorizedAsync(submissions.FindAsync(id, ct), r => r.UnitId, EditorAction.ViewPlans);
        if (report is null)
            return refusal!;
        var versions = await submissions.VersionsAsync(report, ct);
        var latest = versions[0].Id == report.Id;
        return View(new SentReportView(report, ReportSubmissions.Figures(report), versions,
            latest && report.Status == SubmittedReportStatus.Submitted && await MayAsync(report.UnitId, EditorAction.ReceiveReports),
            latest && report.Status == SubmittedReportStatus.Returned && await MayAsync(report.UnitId, EditorAction.SubmitReport)));
    }

    [HttpPost(Base + "/{id:int}/tiep-nhan")]
    public Task<IActionResult> Acknowledge(int id, string? comment, CancellationToken ct) => ReviewAsync(id, true, comment, ct);

    [HttpPost(Base + "/{id:int}/tra-lai")]
    public Task<IActionResult> Return(int id, string? comment, CancellationToken ct) => ReviewAsync(id, false, comment, ct);

    private async Task<IActionResult> ReviewAsync(int id, bool accept, string? comment, CancellationToken ct)
    {
        var (report, refusal) = await AuthorizedAsync(submissions.FindAsync(id, ct), r => r.UnitId, EditorAction.ReceiveReports);
        if (report is null)
            return refusal!;
        var outcome = await submissions.ReviewAsync(id, accept, comment, await editor.GrantsAsync(), editor.Actor, ct);
        if (outcome.IsOk)
            await notices.ReviewedAsync(id, ct);
        return MessageOutcome(outcome, $"{Base}/{id}", _ => accept ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo để đơn vị bổ sung.");
    }

    /// <summary>The units whose reports the person may send.</summary>
    private async Task<IReadOnlyList<UnitRef>> SendingUnitsAsync(CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.SubmitReport);
        return (await units.SubtreesAsync(null, ct)).Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
    }
}
