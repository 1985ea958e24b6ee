using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Procedures;
using CchcSite.Content.Questions;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CchcSite.Web.Procedures;

/// <summary>
/// Procedures in public: the list (site-wide and as a unit's tab), each procedure's page, its A4 posting sheet, its forms,
/// and the change list the plans ask for. Query values are read as text and unknown ones dropped, as on the search page.
/// </summary>
[OutputCache(PolicyName = PublicCaching.Pages)]
public sealed class ProceduresController(PublicProcedures procedures, PublicSubmissions questions, MediaLibrary library, MediaStore store) : Controller
{

    [HttpGet("/" + ProcedureAddresses.Segment)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["q", "linh-vuc", "cap", "dvc", "don-vi", "trang-thai", "trang"])]
    public Task<IActionResult> Index([FromQuery(Name = "q")] string? q, [FromQuery(Name = "linh-vuc")] string? field, [FromQuery(Name = "cap")] string? level,
        [FromQuery(Name = "dvc")] string? online, [FromQuery(Name = "don-vi")] string? unit, [FromQuery(Name = "trang-thai")] string? status,
        [FromQuery(Name = "trang")] string? trang, CancellationToken ct) =>
        ListAsync(null, new ListQuery(q, field, level, online, unit, status, trang), ct);

    [HttpGet("/{unit:unit}/" + ProcedureAddresses.Segment)]
    [OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = ["q", "linh-vuc", "cap", "dvc", "trang-thai", "trang"])]
    public Task<IActionResult> Unit(string unit, [FromQuery(Name = "q")] string? q, [FromQuery(Name = "linh-vuc")] string? field,
        [FromQuery(Name = "cap")] string? level, [FromQuery(Name = "dvc")] string? online, [FromQuery(Name = "trang-thai")] string? status,
        [FromQuery(Name = "trang")] string? trang, CancellationToken ct) =>
        ListAsync(unit, new ListQuery(q, field, level, online, null, status, trang), ct);

    [HttpGet("/" + ProcedureAddresses.Segment + "/" + ProcedureAddresses.ChangesSegment)]
    public async Task<IActionResult> Changes(CancellationToken ct) =>
        View("Changes", await procedures.ChangesPageAsync(null, ct));

    [HttpGet("/{unit:unit}/" + ProcedureAddresses.Segment + "/" + ProcedureAddresses.ChangesSegment)]
    public async Task<IActionResult> UnitChanges(string unit, CancellationToken ct) =>
        await procedures.ChangesPageAsync(unit, ct) is { } page ? View("Changes", page) : NotFound();

    [HttpGet("/" + ProcedureAddresses.Segment + "/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken ct) =>
        ProcedureRules.IsCode(code) && await procedures.PageAsync(code, ct) is { } page
            ? View("Show", page with { Questions = await questions.ColumnAsync(null, null, new PageRequest(1, QuestionsShown), ct, code) })
            : NotFound();

    /// <summary>The newest few answers on the procedure's page; the column lists them all.</summary>
    private const int QuestionsShown = 5;

    /// <summary>The posting sheet (niêm yết): the same fields on A4, for printing and pinning up at the one-stop desk.</summary>
    [HttpGet("/" + ProcedureAddresses.Segment + "/{code}/" + ProcedureAddresses.PrintSegment)]
    public async Task<IActionResult> Print(string code, CancellationToken ct) =>
        ProcedureRules.IsCode(code) && await procedures.PageAsync(code, ct) is { } page ? View("Print", page) : NotFound();

    /// <summary>A dossier component's form: public because the procedure is, whatever posts use the file.</summary>
    [HttpGet("/" + ProcedureAddresses.Segment + "/{code}/" + ProcedureAddresses.FormSegment + "/{component:int}/{fileName}")]
    public async Task<IActionResult> Form(string code, int component, string fileName, CancellationToken ct)
    {
        if (!ProcedureRules.IsCode(code) || await procedures.FormAssetAsync(code, component, ct) is not { } assetId
            || await library.FindFileAsync(assetId, null, fileName, ct) is not { } found)
            return NotFound();
        var path = store.FullPath(found.StoragePath);
        if (!System.IO.File.Exists(path))
            return NotFound();
        Response.Headers.CacheControl = "public, max-age=300, must-revalidate";
        return PhysicalFile(path, found.ContentType, found.Asset.FileName, enableRangeProcessing: true);
    }

    private sealed record ListQuery(string? Q, string? Field, string? Level, string? Online, string? Unit, string? Status, string? Page);

    private async Task<IActionResult> ListAsync(string? unit, ListQuery values, CancellationToken ct)
    {
        static string? Value(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var choices = await procedures.ChoicesAsync(ct);
        var field = Value(values.Field) is { } f && choices.Fields.Any(c => c.Slug == f) ? f : null;
        var level = Value(values.Level) is { } l && choices.Levels.Any(c => c.Slug == l) ? l : null;
        var unitFilter = Value(values.Unit) is { } u && choices.Units.Any(c => c.Slug == u) ? u : null;
        var statusValue = Value(values.Status);
        ProcedureStatus? status = statusValue == ProcedureAddresses.AllStatuses ? null : ProcedureRules.StatusFromSlug(statusValue) ?? ProcedureStatus.InForce;
        // A number past the int range is a page past the end (an empty page), not page 1.
        var page = PageNumber.Parse(values.Page) is { } p and >= 1 ? p : 1;
        var query = Value(values.Q);
        if (query is not null)
            IndexedAnswers.DoNotStore(HttpContext);
        var filter = new ProcedureFilter(field, level, ProcedureRules.OnlineLevelFromSlug(Value(values.Online)), unitFilter, status,
            query is { Length: > 200 } ? query[..200] : query) { Page = new PageRequest(page) };
        return await procedures.ListPageAsync(unit, filter, ct) is { } model ? View("Index", model) : NotFound();
    }
}
