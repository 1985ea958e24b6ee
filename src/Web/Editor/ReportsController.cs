using CchcSite.Content.Accounts;
using CchcSite.Content.Reports;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>The report form's query, in the editor area's Vietnamese parameter names.</summary>
public sealed class ReportRequest
{
    [FromQuery(Name = "don-vi")] public string? DonVi { get; set; }
    [FromQuery(Name = "ky")] public ReportPeriodKind Ky { get; set; } = ReportPeriodKind.Quarter;
    [FromQuery(Name = "nam")] public int? Nam { get; set; }
    [FromQuery(Name = "quy")] public int? Quy { get; set; }
    [FromQuery(Name = "tu")] public DateOnly? Tu { get; set; }
    [FromQuery(Name = "den")] public DateOnly? Den { get; set; }
    [FromQuery(Name = "gom-don-vi-con")] public bool GomDonViCon { get; set; }

    /// <summary>The same query, for the download links.</summary>
    public string Query => QueryString.Create(new Dictionary<string, string?>
    {
        ["don-vi"] = DonVi, ["ky"] = Ky.ToString(), ["nam"] = Nam?.ToString(), ["quy"] = Quy?.ToString(),
        ["tu"] = Tu is { } tu ? VietnameseDate.FormatDate(tu) : null, ["den"] = Den is { } den ? VietnameseDate.FormatDate(den) : null, ["gom-don-vi-con"] = GomDonViCon ? "true" : null,
    }.Where(p => p.Value is not null)).ToUriComponent();
}

public sealed record ReportPage(ReportRequest Request, IReadOnlyList<UnitRef> Units, PeriodicReport? Report);

/// <summary>Periodic reports in the editor area: a printable page and the same figures as XLSX and CSV.</summary>
public sealed class ReportsController(PeriodicReports reports, UnitDirectory units, CurrentEditor editor, TimeProvider clock) : EditorController
{
    [HttpGet("/quan-tri/bao-cao")]
    public async Task<IActionResult> Index(ReportRequest request, CancellationToken ct)
    {
        var visible = await units.SubtreesAsync(Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ViewPlans), ct);
        request.Nam ??= CchcSite.Content.Plans.YearMonth.Of(clock.GetUtcNow().UtcDateTime).Year;
        if (string.IsNullOrEmpty(request.DonVi))
            return View(new ReportPage(request, visible, null));
        var (report, refusal) = await BuildAsync(request, ct);
        if (refusal is not null)
            return refusal;
        if (report is null)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new ReportPage(request, visible, report));
    }

    [HttpGet("/quan-tri/bao-cao/tai-ve.xlsx")]
    public async Task<IActionResult> Xlsx(ReportRequest request, CancellationToken ct)
    {
        var (report, refusal) = await BuildAsync(request, ct);
        return refusal ?? (report is null ? PeriodError()
            : File(ReportFiles.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(report, "xlsx")));
    }

    [HttpGet("/quan-tri/bao-cao/tai-ve.csv")]
    public async Task<IActionResult> Csv(ReportRequest request, CancellationToken ct)
    {
        var (report, refusal) = await BuildAsync(request, ct);
        return refusal ?? (report is null ? PeriodError() : File(ReportFiles.Csv(report), "text/csv; charset=utf-8", FileName(report, "csv")));
    }

    /// <summary>The report; or a refusal (unknown unit 404, another unit's report 403); or neither when the period or a date is wrong (the message is in ModelState).</summary>
    private async Task<(PeriodicReport? Report, IActionResult? Refusal)> BuildAsync(ReportRequest request, CancellationToken ct)
    {
        if (await units.FindAsync(request.DonVi ?? "", ct) is not { } unit)
            return (null, NotFound());
        if (!await MayAsync(unit.Unit.Id, EditorAction.ViewPlans))
            return (null, Forbid());
        // A date not in dd/mm/yyyy: the binder's message is in ModelState, beside its field.
        if (!ModelState.IsValid)
            return (null, null);
        var (period, error) = ReportPeriod.Create(request.Ky, request.Nam, request.Quy, request.Tu, request.Den);
        if (period is null)
        {
            ModelState.AddModelError("", error!);
            return (null, null);
        }
        return (await reports.BuildAsync(unit.Unit.Id, request.GomDonViCon, period, ct), null);
    }

    private BadRequestObjectResult PeriodError() => BadRequest(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));

    private static string FileName(PeriodicReport report, string extension) =>
        $"bao-cao-{report.Unit.Slug}-{Slug.From(report.Period.Label)}.{extension}";
}
