using CchcSite.Content.Accounts;
using CchcSite.Content.Imports;
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

/// <summary>The one-by-one form: a new result of the index and year chosen (<see cref="Id"/> null), or a correction of one.</summary>
public sealed record IndexResultFormPage(int? Id, IndexDefinition Index, int Year, string? UnitName, IndexResultInput Input,
    IReadOnlyList<IndexDefinition> Indexes, IReadOnlyList<UnitRef> Publishers, IReadOnlyList<UnitRef> AllUnits);

/// <summary>
/// Index results in the editor area: the list, an import per index and year (dry run first, then all rows or none), a result's
/// history of corrections, and deleting a result entered by mistake. Approvers of the publishing unit and administrators only.
/// </summary>
public sealed class IndexResultsController(IndexEditing editing, IndexResultEntry entry, UnitDirectory units, CurrentEditor editor) : EditorController
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
        if (Unreadable())
            return await PageAsync(form, null, null, ct);
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

    [HttpGet(Base + "/them")]
    public async Task<IActionResult> Add([FromQuery(Name = "chi-so")] string? chiSo, [FromQuery(Name = "nam")] string? nam, CancellationToken ct) =>
        await NewFormAsync(new IndexResultInput { IndexCode = chiSo, Year = nam, Grouping = nameof(IndexGrouping.Departments) }, ct);

    [HttpPost(Base + "/them")]
    public async Task<IActionResult> Add(IndexResultInput input, CancellationToken ct)
    {
        if (await units.FindAsync(input.Publisher ?? "", ct) is not { } publisher)
        {
            ModelState.AddModelError(nameof(input.Publisher), "Vui lòng chọn đơn vị công bố kết quả.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await NewFormAsync(input, ct);
        }
        if (!await MayAsync(publisher.Unit.Id, EditorAction.ManageIndexResults))
            return Forbid();
        return await FormOutcomeAsync(await entry.AddAsync(input, publisher.Unit.Id, editor.Actor, ct), Saved("Đã lưu kết quả."), () => NewFormAsync(input, ct));
    }

    [HttpGet(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Correct(int id, CancellationToken ct)
    {
        var (history, refusal) = await AuthorizedAsync(editing.HistoryAsync(id, ct), h => h.Result.PublisherUnitId, EditorAction.ManageIndexResults);
        if (history is null)
            return refusal!;
        var result = history.Result;
        var publisher = await units.FindAsync(result.PublisherUnitId, ct);
        var within = result.WithinUnitId is { } withinId ? await units.FindAsync(withinId, ct) : null;
        return await CorrectionFormAsync(history, IndexResultInput.Of(result, result.Unit.Slug, publisher?.Unit.Slug ?? "", within?.Unit.Slug), ct);
    }

    [HttpPost(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Correct(int id, IndexResultInput input, CancellationToken ct)
    {
        var (history, refusal) = await AuthorizedAsync(editing.HistoryAsync(id, ct), h => h.Result.PublisherUnitId, EditorAction.ManageIndexResults);
        if (history is null)
            return refusal!;
        return await FormOutcomeAsync(await entry.CorrectAsync(id, input, editor.Actor, ct),
            Saved("Đã đính chính kết quả; số liệu trước đó được giữ trong lịch sử."), () => CorrectionFormAsync(history, input, ct));
    }

    private Func<int, IActionResult> Saved(string message) => id => Saved($"{Base}/{id}", message);

    private async Task<IActionResult> NewFormAsync(IndexResultInput input, CancellationToken ct)
    {
        var indexes = await editing.DefinitionsAsync(ct);
        var index = indexes.FirstOrDefault(i => string.Equals(i.Code, input.IndexCode, StringComparison.OrdinalIgnoreCase)) ?? indexes.FirstOrDefault();
        if (index is null)
            return NotFound();
        var year = int.TryParse(input.Year, out var y) && y is >= 2000 and <= 2100 ? y : DateTime.UtcNow.Year - 1;
        input.IndexCode = index.Code;
        input.Year = year.ToString();
        return await FormAsync(null, index, year, null, input, ct);
    }

    private Task<IActionResult> CorrectionFormAsync(IndexResultHistory history, IndexResultInput input, CancellationToken ct) =>
        FormAsync(history.Result.Id, history.Result.IndexDefinition, history.Result.Year, history.Result.Unit.Name, input, ct);

    private async Task<IActionResult> FormAsync(int? id, IndexDefinition index, int year, string? unitName, IndexResultInput input, CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ManageIndexResults);
        var all = await units.SubtreesAsync(null, ct);
        var publishers = all.Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
        if (publishers.Count == 0)
            return Forbid();
        return View("Form", new IndexResultFormPage(id, index, year, unitName, input, await editing.DefinitionsAsync(ct), publishers, all));
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
    public Task<IActionResult> Template([FromQuery(Name = "chi-so")] string? chiSo, [FromQuery(Name = "nam")] int? nam, CancellationToken ct) =>
        TemplateAsync(chiSo, nam, "csv", "text/csv; charset=utf-8", IndexEditing.CsvTemplate, ct);

    [HttpGet(Base + "/mau-nhap.xlsx")]
    public Task<IActionResult> XlsxTemplate([FromQuery(Name = "chi-so")] string? chiSo, [FromQuery(Name = "nam")] int? nam, CancellationToken ct) =>
        TemplateAsync(chiSo, nam, "xlsx", TableTemplate.XlsxContentType, IndexEditing.XlsxTemplate, ct);

    private async Task<IActionResult> TemplateAsync(string? code, int? year, string extension, string contentType,
        Func<IndexDefinition, int, byte[]> template, CancellationToken ct)
    {
        if (await editing.DefinitionAsync(code ?? "", ct) is not { } index || year is not (>= 2000 and <= 2100))
            return NotFound();
        return File(template(index, year.Value), contentType, $"mau-{index.Code.ToLowerInvariant()}-{year}.{extension}");
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
