using CchcSite.Content.Accounts;
using CchcSite.Content.Reports;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using System.ComponentModel.DataAnnotations;
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

    // The printed document's own fields (Nghị định 30/2020/NĐ-CP), typed by the unit before printing; blank ones print as
    // dotted lines to fill by hand, so the site never invents a number, a signer or a recipient.
    [FromQuery(Name = "co-quan-chu-quan"), StringLength(200, ErrorMessage = "Tên cơ quan chủ quản không quá 200 ký tự.")] public string? CoQuanChuQuan { get; set; }
    [FromQuery(Name = "co-quan"), StringLength(200, ErrorMessage = "Tên cơ quan ban hành không quá 200 ký tự.")] public string? CoQuan { get; set; }
    [FromQuery(Name = "so"), StringLength(60, ErrorMessage = "Số, ký hiệu không quá 60 ký tự.")] public string? So { get; set; }
    [FromQuery(Name = "dia-danh"), StringLength(100, ErrorMessage = "Địa danh không quá 100 ký tự.")] public string? DiaDanh { get; set; }
    [FromQuery(Name = "ngay-van-ban")] public DateOnly? NgayVanBan { get; set; }
    [FromQuery(Name = "noi-nhan"), StringLength(1000, ErrorMessage = "Nơi nhận không quá 1000 ký tự.")] public string? NoiNhan { get; set; }
    [FromQuery(Name = "chuc-vu-ky"), StringLength(200, ErrorMessage = "Chức vụ người ký không quá 200 ký tự.")] public string? ChucVuKy { get; set; }
    [FromQuery(Name = "nguoi-ky"), StringLength(100, ErrorMessage = "Họ tên người ký không quá 100 ký tự.")] public string? NguoiKy { get; set; }

    /// <summary>The same query, for the download links.</summary>
    public string Query => QueryString.Create(new Dictionary<string, string?>
    {
        ["don-vi"] = DonVi, ["ky"] = Ky.ToString(), ["nam"] = Nam?.ToString(), ["quy"] = Quy?.ToString(),
        ["tu"] = Tu is { } tu ? VietnameseDate.FormatDate(tu) : null, ["den"] = Den is { } den ? VietnameseDate.FormatDate(den) : null, ["gom-don-vi-con"] = GomDonViCon ? "true" : null,
    }.Where(p => p.Value is not null)).ToUriComponent();
}

/// <summary>
/// The administrative header and footer of the printed report (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing agency and
/// the one above it, number and symbol, place and date, and at the end the recipients and the signer's position and name.
/// A null field prints as a dotted line to fill in by hand.
/// </summary>
public sealed record ReportLetterhead(string? ParentAgency, string Agency, string? Number, string? Place, DateOnly Date,
    IReadOnlyList<string> Recipients, string? SignerTitle, string? SignerName)
{
    /// <summary>What the unit typed, else what the site knows for certain: the unit, its parent, today, and "Lưu: VT." (the archive copy every document keeps).</summary>
    public static ReportLetterhead Of(ReportRequest request, UnitNode unit, DateOnly today)
    {
        var recipients = (request.NoiNhan ?? "").Split('\n')
            .Select(line => line.Trim().TrimStart('-', '–', '+').Trim().TrimEnd(';', '.', ',').Trim())
            .Where(line => line.Length > 0).ToList();
        if (recipients.Count == 0)
            recipients = [.. unit.Parent is { } parent ? new[] { parent.Name } : [], "Lưu: VT"];
        return new(Blank(request.CoQuanChuQuan) ?? unit.Parent?.Name, Blank(request.CoQuan) ?? unit.Unit.Name, Blank(request.So),
            Blank(request.DiaDanh), request.NgayVanBan ?? today, recipients, Blank(request.ChucVuKy), Blank(request.NguoiKy));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record ReportPage(ReportRequest Request, IReadOnlyList<UnitRef> Units, PeriodicReport? Report, ReportLetterhead? Letterhead = null);

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
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new ReportPage(request, visible, null));
        }
        var unit = (await units.FindAsync(report.Unit.Id, ct))!;
        var today = VietnamTime.DateOf(clock.GetUtcNow().UtcDateTime);
        return View(new ReportPage(request, visible, report, ReportLetterhead.Of(request, unit, today)));
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
