using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Paging;
using CchcSite.Content.Procedures;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>The list of the units' procedures: one page, the words searched, the units the person manages.</summary>
public sealed record ProceduresAdminPage(PagedResult<ProcedureListRow> Items, string? Words, IReadOnlyList<UnitRef> Units, UnitRef? Unit,
    ImportPanel Import)
{
    public string UrlFor(int page) =>
        $"/quan-tri/thu-tuc?trang={page}" + (Words is null ? "" : $"&q={Uri.EscapeDataString(Words)}") + (Unit is null ? "" : $"&don-vi={Unit.Slug}");
}

/// <summary>The import form: a refused file's messages by line, or the dry run's account with the file to apply.</summary>
public sealed record ImportPanel(string? UnitSlug, IReadOnlyDictionary<string, string[]> Errors, ProcedureImportSummary? Preview, string? Content,
    string? FileName);

/// <summary>
/// The create or edit form, with the units the person may file the procedure under, the lists' values, the managing unit's
/// library files a dossier component may offer as its form, and the upload dialog when the person may add to that library.
/// </summary>
public sealed record ProcedureFormPage(string? Code, Guid? Version, string OwnerSlug, ProcedureInput Input, IReadOnlyList<UnitRef> Units,
    IReadOnlyList<ProcedureTerm> Terms, IReadOnlyList<ProcedureRevision> Revisions, IReadOnlyList<MediaLibraryItem> FormFiles, UploadDialog? Upload);

/// <summary>
/// Administrative procedures in the editor area (/quan-tri/thu-tuc): the list of the procedures a person's units manage, the form
/// with every field, and the import of a CSV or XLSX file (a dry run first, then the file that was looked at, all or nothing).
/// Approvers of the managing unit and administrators only: <see cref="EditorAction.ManageProcedures"/>, asked on every request.
/// </summary>
public sealed class ProceduresAdminController(ProcedureEditing editing, ProcedureImport import, UnitDirectory units, MediaLibrary library, CurrentEditor editor)
    : EditorController
{
    public const string Base = "/quan-tri/thu-tuc";
    private const int MaxFileBytes = 8 * 1024 * 1024;

    [HttpGet(Base)]
    public async Task<IActionResult> Index([FromQuery(Name = "q")] string? q, [FromQuery(Name = "don-vi")] string? donVi,
        [FromQuery(Name = "trang")] string? trang, CancellationToken ct) =>
        await ListAsync(q, donVi, PageOf(trang), new ImportPanel(donVi, new Dictionary<string, string[]>(), null, null, null), ct);

    [HttpGet(Base + "/moi")]
    public async Task<IActionResult> New([FromQuery(Name = "don-vi")] string? donVi, CancellationToken ct)
    {
        var managed = await UnitsAllowingAsync(EditorAction.ManageProcedures, ct);
        if (managed.Count == 0)
            return Forbid();
        var owner = managed.FirstOrDefault(u => u.Slug == donVi) ?? managed[0];
        return await FormAsync(null, null, owner.Slug, new ProcedureInput { Status = ProcedureStatus.InForce.Vietnamese(), OnlineLevel = "Không" }, [], ct);
    }

    [HttpPost(Base + "/moi")]
    public async Task<IActionResult> Create([FromForm(Name = "don-vi")] string? donVi, ProcedureInput input, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } owner)
            return NotFound();
        if (!await MayAsync(owner.Unit.Id, EditorAction.ManageProcedures))
            return Forbid();
        if (Unreadable())
            return await FormAsync(null, null, owner.Unit.Slug, input, [], ct);
        return await FormOutcomeAsync(await editing.SaveAsync(null, owner.Unit.Id, input, null, editor.Actor, ct),
            code => Saved($"{Base}/{code}", "Đã thêm thủ tục."), () => FormAsync(null, null, owner.Unit.Slug, input, [], ct));
    }

    [HttpGet(Base + "/{code}")]
    public async Task<IActionResult> Edit([FromRoute] string code, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(code, ct), v => v.OwnerUnitId, EditorAction.ManageProcedures);
        if (view is null)
            return refusal!;
        var owner = (await units.FindAsync(view.OwnerUnitId, ct))?.Unit.Slug ?? "";
        return await FormAsync(view.Code, view.Version, owner, view.Input, view.Revisions, ct);
    }

    // The route's code, never the form's "Code" field: form values come before route values in model binding.
    [HttpPost(Base + "/{code}")]
    public async Task<IActionResult> Update([FromRoute] string code, [FromForm(Name = "don-vi")] string? donVi, [FromForm(Name = "phien-ban")] Guid? version,
        ProcedureInput input, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(code, ct), v => v.OwnerUnitId, EditorAction.ManageProcedures);
        if (view is null)
            return refusal!;
        // Moving a procedure to another unit takes the right to manage both.
        if (await units.FindAsync(donVi ?? "", ct) is not { } owner || !await MayAsync(owner.Unit.Id, EditorAction.ManageProcedures))
            return Forbid();
        if (Unreadable())
            return await FormAsync(code, version, owner.Unit.Slug, input, view.Revisions, ct);
        return await FormOutcomeAsync(await editing.SaveAsync(code, owner.Unit.Id, input, version, editor.Actor, ct),
            saved => Saved($"{Base}/{saved}", "Đã lưu thủ tục; bản trước được giữ trong lịch sử."),
            () => FormAsync(code, version, owner.Unit.Slug, input, view.Revisions, ct),
            async conflict =>
            {
                ModelState.AddModelError("", conflict.Message);
                return await FormAsync(code, view.Version, owner.Unit.Slug, input, view.Revisions, ct);
            });
    }

    [HttpPost(Base + "/nhap")]
    [RequestSizeLimit(2 * MaxFileBytes)]
    public async Task<IActionResult> Import([FromForm(Name = "don-vi")] string? donVi, IFormFile? tep, [FromForm(Name = "noi-dung")] string? noiDung,
        [FromForm(Name = "ten-tep")] string? tenTep, [FromForm(Name = "ap-dung")] bool apDung, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } owner)
            return await ImportRefusedAsync(donVi, "Vui lòng chọn đơn vị quản lý thủ tục.", ct);
        if (!await MayAsync(owner.Unit.Id, EditorAction.ManageProcedures))
            return Forbid();
        byte[] content;
        string fileName;
        if (tep is { Length: > 0 })
        {
            if (tep.Length > MaxFileBytes)
                return await ImportRefusedAsync(donVi, $"Tệp lớn hơn {MaxFileBytes / (1024 * 1024)} MB; vui lòng chia thành nhiều tệp.", ct);
            using var copy = new MemoryStream();
            await tep.CopyToAsync(copy, ct);
            (content, fileName) = (copy.ToArray(), Path.GetFileName(tep.FileName));
        }
        else if (apDung && !string.IsNullOrEmpty(noiDung) && TryBase64(noiDung) is { Length: > 0 and <= MaxFileBytes } previewed)
            (content, fileName) = (previewed, Path.GetFileName(tenTep ?? "tep.csv"));
        else
            return await ImportRefusedAsync(donVi, "Vui lòng chọn tệp CSV hoặc XLSX theo mẫu.", ct);

        // A new file is always looked at first; only the file that was looked at is applied.
        var dryRun = !(apDung && tep is not { Length: > 0 });
        using var stream = new MemoryStream(content, writable: false);
        var outcome = await import.ImportAsync(owner.Unit.Id, stream, fileName, dryRun, editor.Actor, ct);
        switch (outcome)
        {
            case Outcome<ProcedureImportSummary>.Invalid invalid:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await ListAsync(null, donVi, 1, new ImportPanel(donVi, invalid.Errors, null, null, fileName), ct);
            case Outcome<ProcedureImportSummary>.Ok { Value.DryRun: true } preview:
                return await ListAsync(null, donVi, 1, new ImportPanel(donVi, new Dictionary<string, string[]>(), preview.Value,
                    Convert.ToBase64String(content), fileName), ct);
            default:
                return MessageOutcome(outcome, $"{Base}?don-vi={owner.Unit.Slug}", s =>
                    $"Đã nhập tệp {fileName}: {s.Count(ImportedChange.Added)} thủ tục thêm mới, {s.Count(ImportedChange.Changed)} sửa đổi, "
                    + $"{s.Count(ImportedChange.Abolished)} bãi bỏ, {s.Count(ImportedChange.Unchanged)} không đổi.");
        }
    }

    [HttpGet(Base + "/mau-nhap.csv")]
    public IActionResult CsvTemplate() => File(ProcedureImport.CsvTemplate(), "text/csv; charset=utf-8", "mau-thu-tuc-hanh-chinh.csv");

    [HttpGet(Base + "/mau-nhap.xlsx")]
    public IActionResult XlsxTemplate() =>
        File(ProcedureImport.XlsxTemplate(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-thu-tuc-hanh-chinh.xlsx");

    private async Task<IActionResult> ListAsync(string? q, string? donVi, int page, ImportPanel panel, CancellationToken ct)
    {
        var managed = await UnitsAllowingAsync(EditorAction.ManageProcedures, ct);
        if (managed.Count == 0)
            return Forbid();
        var unit = managed.FirstOrDefault(u => u.Slug == donVi);
        IReadOnlySet<int>? ids = unit is not null ? new HashSet<int> { unit.Id }
            : Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ManageProcedures);
        var words = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var items = await editing.ListAsync(ids, words, new PageRequest(page, 30), ct);
        return View("Index", new ProceduresAdminPage(items, words, managed, unit, panel with { UnitSlug = panel.UnitSlug ?? unit?.Slug }));
    }

    private async Task<IActionResult> FormAsync(string? code, Guid? version, string ownerSlug, ProcedureInput input, IReadOnlyList<ProcedureRevision> revisions,
        CancellationToken ct)
    {
        var catalog = await editing.CatalogAsync(null, ct);
        var owner = (await units.FindAsync(ownerSlug, ct))?.Unit;
        var files = owner is null ? [] : (await library.ChoicesAsync(owner.Id, [], ct)).Where(f => f.IsDocument)
            .DistinctBy(f => f.FileName, StringComparer.OrdinalIgnoreCase).ToList(); // newest first: the one a line's name finds
        var upload = owner is not null && await MayAsync(owner.Id, EditorAction.Upload)
            ? new UploadDialog(owner.Slug, $"Tệp được lưu vào thư viện của {owner.Name} và ghi vào dòng giấy tờ đang chọn; nội dung bạn đang soạn giữ nguyên.")
            : null;
        return View("Form", new ProcedureFormPage(code, version, ownerSlug, input, await UnitsAllowingAsync(EditorAction.ManageProcedures, ct), catalog.Terms,
            revisions, files, upload));
    }

    private Task<IActionResult> ImportRefusedAsync(string? donVi, string message, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return ListAsync(null, donVi, 1, new ImportPanel(donVi, new Dictionary<string, string[]> { [""] = [message] }, null, null, null), ct);
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
