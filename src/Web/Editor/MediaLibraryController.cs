using Microsoft.Extensions.Options;
using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Units;
using CchcSite.Content.Videos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using CchcSite.Web.Api;

namespace CchcSite.Web.Editor;

public sealed record MediaLibraryPage(UnitRef Unit, PagedResult<MediaLibraryItem> Items, MediaLimits Limits, string? AltText,
    IReadOnlyDictionary<int, TranscodeSummary> Videos, IReadOnlyList<CaptionLanguage> CaptionLanguages)
{
    public string UrlFor(int page) => $"/quan-tri/thu-vien?don-vi={Unit.Slug}" + (page == 1 ? "" : $"&trang={page}");

    public string FileUrl(MediaLibraryItem item, ImageSize? size = null) => FileUrlOf(item, size);

    /// <summary>A library file's address in the editor area (served before any public post uses it), or its thumbnail's.</summary>
    public static string FileUrlOf(MediaLibraryItem item, ImageSize? size = null) =>
        size is { } s && item.ThumbnailFileName is { } thumb
            ? $"/quan-tri/thu-vien/{item.Id}/{s.Segment()}/{Uri.EscapeDataString(thumb)}"
            : $"/quan-tri/thu-vien/{item.Id}/{Uri.EscapeDataString(item.FileName)}";
}

/// <summary>
/// A file just uploaded, as the post form's upload dialog reads it to offer and choose it at once: its public address
/// (what the body's Markdown links to) and its thumbnail in the editor area.
/// </summary>
public sealed record UploadedFile(int Id, string FileName, string? AltText, string Url, string PreviewUrl, bool IsImage, bool IsDocument, string Size)
{
    public static UploadedFile Of(MediaLibraryItem item) => new(item.Id, item.FileName, item.AltText, MediaUrls.For(item.Id, item.FileName),
        MediaLibraryPage.FileUrlOf(item, ImageSize.Thumbnail), item.IsImage, item.IsDocument, MediaLibrary.FormatSize(item.Length));
}

/// <summary>A video's transcoding as the post form follows it: finished (done or failed), how far, and the line to show.</summary>
public sealed record TranscodeProgress(bool Finished, int Percent, string Text);

public sealed record MediaLibraryUnits(IReadOnlyList<UnitRef> Units);

public sealed class MediaUploadForm
{
    public IFormFile? File { get; set; }
    public string? AltText { get; set; }
}

/// <summary>
/// A unit's media library: the list and the upload form. Seeing a library and uploading to it are one right,
/// <see cref="EditorAction.Upload"/>, asked of the authorization table for the unit of the library or the file.
/// </summary>
public sealed class MediaLibraryController(MediaLibrary library, MediaStore store, IOptions<MediaLimits> limits, UnitDirectory units,
    CurrentEditor editor, VideoTranscoding transcoding, VideoCaptions captions, IOptions<VideoOptions> videoOptions, Videos.VideoQueueWakeup transcoder)
    : EditorController
{
    private const int PageSize = 24;

    [HttpGet("/quan-tri/thu-vien")]
    public async Task<IActionResult> Index([FromQuery(Name = "don-vi")] string? donVi, [FromQuery(Name = "trang")] string? trang = null, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(donVi))
            return View("Units", new MediaLibraryUnits(await UploadUnitsAsync(ct)));
        if (await units.FindAsync(donVi, ct) is not { } unit)
            return NotFound();
        if (!await MayUploadAsync(unit.Unit.Id))
            return Forbid();
        return View(await PageAsync(unit.Unit, PageOf(trang), null, ct));
    }

    [HttpPost("/quan-tri/thu-vien")]
    [RequestSizeLimit(MediaLimits.RequestCeiling)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaLimits.RequestCeiling)]
    [UploadTooLarge]
    public async Task<IActionResult> Upload([FromQuery(Name = "don-vi")] string? donVi, MediaUploadForm form, CancellationToken ct)
    {
        // The post form's upload dialog sends the same form by script and reads the answer as JSON, to choose the file.
        var json = AnswersJson();
        if (await units.FindAsync(donVi ?? "", ct) is not { } unit)
            return json ? new ResultAction(ApiProblems.NotFound("Không có đơn vị này.")) : NotFound();
        if (!await MayUploadAsync(unit.Unit.Id))
            return json ? new ResultAction(Videos.VideoUploadsController.Refused()) : Forbid();
        // No file is a name the library refuses with its own message.
        var file = form.File is { Length: > 0 } posted ? posted : null;
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        var outcome = await library.UploadAsync(unit.Unit.Id, file?.FileName, content, form.AltText, ct);
        // A video is now in the transcoding queue; for any other file the job finds the queue empty.
        if (outcome.IsOk)
            transcoder.Wake();
        if (json)
        {
            var item = outcome is Content.Outcomes.Outcome<MediaAsset>.Ok ok ? await library.ItemAsync(ok.Value.Id, ct) : null;
            return new ResultAction(ApiProblems.From(outcome, asset => TypedResults.Created(MediaUrls.For(asset), UploadedFile.Of(item!))));
        }
        return await FormOutcomeAsync(outcome,
            asset =>
            {
                TempData["Message"] = $"Đã tải lên “{asset.FileName}”.";
                return Redirect($"/quan-tri/thu-vien?don-vi={unit.Unit.Slug}");
            },
            async () => View("Index", await PageAsync(unit.Unit, 1, form.AltText, ct)));
    }

    /// <summary>A file of the library, for editors of its unit, whether or not a public post uses it yet.</summary>
    [HttpGet("/quan-tri/thu-vien/{id:int}/{fileName}")]
    public Task<IActionResult> File(int id, string fileName, CancellationToken ct) => ServeAsync(id, null, fileName, ct);

    [HttpGet("/quan-tri/thu-vien/{id:int}/{size}/{fileName}")]
    public Task<IActionResult> Variant(int id, string size, string fileName, CancellationToken ct) =>
        ImageSizes.FromSegment(size) is { } imageSize ? ServeAsync(id, imageSize, fileName, ct) : Task.FromResult<IActionResult>(NotFound());

    private async Task<IActionResult> ServeAsync(int id, ImageSize? size, string fileName, CancellationToken ct)
    {
        if (await library.FindFileAsync(id, size, fileName, ct) is not { } found)
            return NotFound();
        if (!await MayUploadAsync(found.Asset.UnitId))
            return Forbid();
        var path = store.FullPath(found.StoragePath);
        if (!System.IO.File.Exists(path))
            return NotFound();
        return found.ContentType.StartsWith("application/", StringComparison.Ordinal)
            ? PhysicalFile(path, found.ContentType, found.Asset.FileName)
            : PhysicalFile(path, found.ContentType);
    }

    private async Task<MediaLibraryPage> PageAsync(UnitRef unit, int page, string? altText, CancellationToken ct)
    {
        var items = await library.ListAsync(unit.Id, new PageRequest(page, PageSize), ct);
        return new(unit, items, limits.Value, altText, await transcoding.SummariesAsync(items.Items.Select(i => i.Id).ToList(), ct),
            videoOptions.Value.Languages);
    }

    /// <summary>
    /// Where a video's transcoding stands, for the post form's video choice to follow while it runs: the library's right,
    /// in the video's unit.
    /// </summary>
    [HttpGet("/quan-tri/thu-vien/{id:int}/chuyen-ma")]
    public async Task<IActionResult> Transcoding(int id, CancellationToken ct)
    {
        var (asset, refusal) = await AuthorizedAsync(library.FindAsync(id, ct), a => a.UnitId, EditorAction.Upload);
        if (asset is null)
            return refusal!;
        if ((await transcoding.SummariesAsync([id], ct)).GetValueOrDefault(id) is not { } summary)
            return NotFound();
        return Json(new TranscodeProgress(summary.State is TranscodeState.Done or TranscodeState.Failed, summary.Percent, summary.Describe()));
    }

    /// <summary>A video whose transcoding failed, back in the queue: the library's right, in the video's unit.</summary>
    [HttpPost("/quan-tri/thu-vien/{id:int}/chuyen-ma-lai")]
    public async Task<IActionResult> Retry(int id, CancellationToken ct)
    {
        var (asset, refusal) = await AuthorizedAsync(library.FindAsync(id, ct), a => a.UnitId, EditorAction.Upload);
        if (asset is null)
            return refusal!;
        var slug = (await units.FindAsync(asset.UnitId, ct))?.Unit.Slug;
        var outcome = await transcoding.RetryAsync(id, ct);
        if (outcome.IsOk)
            transcoder.Wake();
        return MessageOutcome(outcome, $"/quan-tri/thu-vien?don-vi={slug}", _ => $"Đã đưa “{asset.FileName}” vào hàng chờ chuyển mã lại.");
    }

    /// <summary>
    /// Captions (WebVTT or SRT) in one of the configured languages for a video of the library, replacing that language's:
    /// the library's right, in the video's unit.
    /// </summary>
    [HttpPost("/quan-tri/thu-vien/{id:int}/phu-de")]
    [RequestSizeLimit(MediaLimits.RequestCeiling)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaLimits.RequestCeiling)]
    [UploadTooLarge]
    public async Task<IActionResult> Captions(int id, IFormFile? file, [FromForm(Name = "Language")] string? language, CancellationToken ct)
    {
        var (asset, refusal) = await AuthorizedAsync(library.FindAsync(id, ct), a => a.UnitId, EditorAction.Upload);
        if (asset is null)
            return refusal!;
        var unit = (await units.FindAsync(asset.UnitId, ct))!.Unit;
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        return await FormOutcomeAsync(await captions.AttachAsync(id, language, file?.FileName, content, editor.Actor, ct),
            attached =>
            {
                TempData["Message"] = $"Đã gắn phụ đề {attached.Label} “{attached.MediaAsset.FileName}” cho video “{asset.FileName}”.";
                return Redirect($"/quan-tri/thu-vien?don-vi={unit.Slug}");
            },
            async () =>
            {
                ViewData[CaptionsForKey] = id;
                ViewData[CaptionsLanguageKey] = language;
                return View("Index", await PageAsync(unit, 1, null, ct));
            });
    }

    /// <summary>One language's captions taken off a video of the library: the same right as attaching them.</summary>
    [HttpPost("/quan-tri/thu-vien/{id:int}/phu-de/go")]
    public async Task<IActionResult> RemoveCaptions(int id, [FromForm(Name = "Language")] string? language, CancellationToken ct)
    {
        var (asset, refusal) = await AuthorizedAsync(library.FindAsync(id, ct), a => a.UnitId, EditorAction.Upload);
        if (asset is null)
            return refusal!;
        var slug = (await units.FindAsync(asset.UnitId, ct))?.Unit.Slug;
        return MessageOutcome(await captions.RemoveAsync(id, language, editor.Actor, ct), $"/quan-tri/thu-vien?don-vi={slug}",
            removed => $"Đã gỡ phụ đề {removed.Label} khỏi video “{asset.FileName}”.");
    }

    /// <summary>The video whose captions form the page shows again with its message.</summary>
    public const string CaptionsForKey = "CaptionsFor";

    /// <summary>The language the refused captions were sent in, chosen again in the form.</summary>
    public const string CaptionsLanguageKey = "CaptionsLanguage";

    private async Task<IReadOnlyList<UnitRef>> UploadUnitsAsync(CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.Upload);
        var all = (await units.RootsAsync(ct)).SelectMany(r => r.SelfAndDescendants()).Select(n => n.Unit);
        return all.Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
    }

    private Task<bool> MayUploadAsync(int unitId) => MayAsync(unitId, EditorAction.Upload);

    /// <summary>
    /// Whether the upload came from the post form's dialog, which asks for JSON: it gets the file or a ProblemDetails,
    /// never the editor area's HTML error page in place of one.
    /// </summary>
    private bool AnswersJson()
    {
        if (!Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
            return false;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        return true;
    }

    /// <summary>A minimal-API result (<see cref="ApiProblems"/>) answered from this controller's action.</summary>
    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}

/// <summary>
/// Reads the upload form after the size limits are set and before the antiforgery check reads it, so that a body over
/// <see cref="MediaLimits.RequestCeiling"/> gets a 413 page in Vietnamese instead of an error.
/// </summary>
public sealed class UploadTooLargeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>After the request size filters (900), before the antiforgery filter (1000).</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.Result is not null || !context.HttpContext.Request.HasFormContentType)
            return;
        try
        {
            await context.HttpContext.Request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
            context.Result = new ViewResult
            {
                ViewName = "TooLarge",
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = context.HttpContext.Request.Query["don-vi"].ToString() },
            };
        }
    }
}
