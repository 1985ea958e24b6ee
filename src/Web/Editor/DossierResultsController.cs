using CchcSite.Content.Accounts;
using CchcSite.Content.DossierResults;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>The import form as posted; the file comes back as <see cref="NoiDung"/> (base64) when a previewed file is applied.</summary>
public sealed class DossierImportForm
{
    [FromForm(Name = "don-vi")] public string? DonVi { get; set; }
    [FromForm(Name = "nam")] public int? Nam { get; set; }
    [FromForm(Name = "thang")] public int? Thang { get; set; }
    [FromForm(Name = "noi-dung")] public string? NoiDung { get; set; }
    [FromForm(Name = "ten-tep")] public string? TenTep { get; set; }
    [FromForm(Name = "ap-dung")] public bool ApDung { get; set; }
}

public sealed record DossierResultsAdminPage(IReadOnlyList<ImportedMonth> Months, IReadOnlyList<UnitRef> Units, DossierImportForm Form,
    IReadOnlyDictionary<string, string[]> ImportErrors, DossierImportSummary? Preview);

/// <summary>
/// The monthly results of handling dossiers in the editor area: the months imported and the import of one unit's month (dry run
/// first, then all rows or none; importing a month again replaces it). Approvers of the unit and administrators only.
/// </summary>
public sealed class DossierResultsController(DossierImport import, UnitDirectory units, CurrentEditor editor, TimeProvider clock) : EditorController
{
    public const string Base = "/quan-tri/ket-qua-giai-quyet";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(DefaultForm(), null, null, ct);

    [HttpPost(Base + "/nhap")]
    [RequestSizeLimit(PreviewedUpload.MaxRequestBytes)]
    public async Task<IActionResult> Import(DossierImportForm form, IFormFile? tep, CancellationToken ct)
    {
        if (await units.FindAsync(form.DonVi ?? "", ct) is not { } unit)
            return await RejectedAsync(form, "Vui lòng chọn đơn vị.", ct);
        if (!await MayAsync(unit.Unit.Id, EditorAction.ManageDossierResults))
            return Forbid();
        var (upload, problem) = await PreviewedUpload.ReadAsync(tep, form.ApDung, form.NoiDung, form.TenTep, ct);
        if (upload is null)
            return await RejectedAsync(form, problem!, ct);
        using var stream = new MemoryStream(upload.Content, writable: false);
        var outcome = await import.ImportAsync(new DossierImportRequest(unit.Unit.Id, form.Nam ?? 0, form.Thang ?? 0), stream, upload.FileName, upload.DryRun,
            editor.Actor, ct);
        switch (outcome)
        {
            case Outcome<DossierImportSummary>.Invalid invalid:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await PageAsync(form, invalid.Errors, null, ct);
            case Outcome<DossierImportSummary>.Ok { Value.DryRun: true } preview:
                form.NoiDung = upload.Base64;
                form.TenTep = upload.FileName;
                return await PageAsync(form, null, preview.Value, ct);
            default:
                return MessageOutcome(outcome, Base, s => $"Đã nhập kết quả tháng {s.Month}/{s.Year} của {unit.Unit.ShortName}: {s.Rows.Count} lĩnh vực" +
                                                          (s.Replaced > 0 ? $", thay cho {s.Replaced} dòng đã nhập trước." : "."));
        }
    }

    [HttpGet(Base + "/mau-nhap.csv")]
    public IActionResult CsvTemplate() => File(DossierImport.CsvTemplate(), "text/csv; charset=utf-8", "mau-ket-qua-giai-quyet-ho-so.csv");

    [HttpGet(Base + "/mau-nhap.xlsx")]
    public IActionResult XlsxTemplate() =>
        File(DossierImport.XlsxTemplate(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-ket-qua-giai-quyet-ho-so.xlsx");

    /// <summary>Last month, the month a unit reports at the start of this one.</summary>
    private DossierImportForm DefaultForm()
    {
        var last = VietnamTime.Today(clock).AddMonths(-1);
        return new DossierImportForm { Nam = last.Year, Thang = last.Month };
    }

    private Task<IActionResult> RejectedAsync(DossierImportForm form, string message, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return PageAsync(form, new Dictionary<string, string[]> { [""] = [message] }, null, ct);
    }

    private async Task<IActionResult> PageAsync(DossierImportForm form, IReadOnlyDictionary<string, string[]>? errors, DossierImportSummary? preview,
        CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ManageDossierResults);
        var mine = (await units.SubtreesAsync(null, ct)).Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
        if (mine.Count == 0)
            return Forbid();
        return View("Index", new DossierResultsAdminPage(await import.MonthsAsync(allowed, ct), mine, form, errors ?? new Dictionary<string, string[]>(), preview));
    }
}
