using CchcSite.Content.Accounts;
using CchcSite.Content.Indexes;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>The import form as posted; the file comes back as <see cref="NoiDung"/> (base64) when a previewed file is applied.</summary>
public sealed class IndexImportForm
{
    [FromForm(Name = "chi-so")] public string? ChiSo { get; set; }
    [FromForm(Name = "nam")] public int? Nam { get; set; }
    [FromForm(Name = "nhom")] public IndexGrouping Nhom { get; set; } = IndexGrouping.Departments;
    [FromForm(Name = "trong-don-vi")] public string? TrongDonVi { get; set; }
    [FromForm(Name = "don-vi-cong-bo")] public string? DonViCongBo { get; set; }
    [FromForm(Name = "van-ban")] public string? VanBan { get; set; }
    [FromForm(Name = "ngay-cong-bo")] public DateOnly? NgayCongBo { get; set; }
    [FromForm(Name = "noi-dung")] public string? NoiDung { get; set; }
    [FromForm(Name = "ten-tep")] public string? TenTep { get; set; }
    [FromForm(Name = "ap-dung")] public bool ApDung { get; set; }
}

public sealed record IndexResultsAdminPage(IReadOnlyList<IndexResult> Results, IReadOnlyList<IndexDefinition> Indexes, IReadOnlyList<UnitRef> Publishers,
    IReadOnlyList<UnitRef> AllUnits, IndexImportForm Form, IReadOnlyDictionary<string, string[]> ImportErrors, IndexImportSummary? Preview);

/// <summary>
/// Index results in the editor area: the list, an import per index and year (dry run first, then all rows or none), a result's
/// history of corrections, and deleting a result entered by mistake. Approvers of the publishing unit and administrators only.
/// </summary>
public sealed class IndexResultsController(IndexEditing editing, UnitDirectory units, CurrentEditor editor) : EditorController
{
    private const string Base = "/quan-tri/chi-so";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(new IndexImportForm(), null, null, ct);

    [HttpPost(Base + "/nhap")]
    [RequestSizeLimit(PreviewedUpload.MaxRequestBytes)]
    public async Task<IActionResult> Import(IndexImportForm form, IFormFile? tep, CancellationToken ct)
    {
        if (await units.FindAsync(form.DonViCongBo ?? "", ct) is not { } publisher)
            return await RejectedAsync(form, "Vui lòng chọn đơn vị công bố kết quả.", ct);
        if (!await MayAsync(publisher.Unit.Id, EditorAction.ManageIndexResults))
            return Forbid();
        var (upload, problem) = await PreviewedUpload.ReadAsync(tep, form.ApDung, form.NoiDung, form.TenTep, ct);
        if (upload is null)
            return await RejectedAsync(form, problem!, ct);
        var request = new IndexImportRequest(form.ChiSo ?? "", form.Nam ?? 0, form.Nhom, form.TrongDonVi, publisher.Unit.Id, form.VanBan, form.NgayCongBo);
        using var stream = new MemoryStream(upload.Content, writable: false);
        var outcome = await editing.ImportAsync(request, stream, upload.FileName, upload.DryRun, editor.Actor, ct);
        switch (outcome)
        {
            case Outcome<IndexImportSummary>.Invalid invalid:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await PageAsync(form, invalid.Errors, null, ct);
            case Outcome<IndexImportSummary>.Ok { Value.DryRun: true } preview:
                form.NoiDung = upload.Base64;
                form.TenTep = upload.FileName;
                return await PageAsync(form, null, preview.Value, ct);
            default:
                return MessageOutcome(outcome, Base, s => $"Đã nhập kết quả: {s.Added} mới, {s.Corrected} đính chính (giữ số liệu cũ trong lịch sử), {s.Unchanged} không đổi.");
        }
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var (history, refusal) = await AuthorizedAsync(editing.HistoryAsync(id, ct), h => h.Result.PublisherUnitId, EditorAction.ManageIndexResults);
        return refusal ?? View("Show", history);
    }

    [HttpPost(Base + "/{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var (history, refusal) = await AuthorizedAsync(editing.HistoryAsync(id, ct), h => h.Result.PublisherUnitId, EditorAction.ManageIndexResults);
        if (history is null)
            return refusal!;
        return MessageOutcome(await editing.DeleteAsync(id, editor.Actor, ct), Base, _ => "Đã xóa kết quả.");
    }

    [HttpGet(Base + "/mau-nhap.csv")]
    public async Task<IActionResult> Template([FromQuery(Name = "chi-so")] string? chiSo, [FromQuery(Name = "nam")] int? nam, CancellationToken ct)
    {
        if (await editing.DefinitionAsync(chiSo ?? "", ct) is not { } index || nam is not (>= 2000 and <= 2100))
            return NotFound();
        return File(IndexEditing.CsvTemplate(index, nam.Value), "text/csv; charset=utf-8", $"mau-{index.Code.ToLowerInvariant()}-{nam}.csv");
    }

    private Task<IActionResult> RejectedAsync(IndexImportForm form, string message, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return PageAsync(form, new Dictionary<string, string[]> { [""] = [message] }, null, ct);
    }

    private async Task<IActionResult> PageAsync(IndexImportForm form, IReadOnlyDictionary<string, string[]>? errors, IndexImportSummary? preview,
        CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ManageIndexResults);
        var all = await units.SubtreesAsync(null, ct);
        var publishers = all.Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
        if (publishers.Count == 0)
            return Forbid();
        var results = await editing.ListAsync(allowed, null, null, ct);
        return View("Index", new IndexResultsAdminPage(results, await editing.DefinitionsAsync(ct), publishers, all, form,
            errors ?? new Dictionary<string, string[]>(), preview));
    }
}
