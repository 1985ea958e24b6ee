using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Units;
using CchcSite.Web.Api;
using CchcSite.Web.Editor;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Videos;

public sealed record NewVideoUpload(string? FileName, long Length);

public sealed record FinishedVideoUpload(string? AltText);

public sealed record VideoUploadAnswer(Guid Id, string FileName, long Length, long Offset, string Url);

public sealed record UploadedVideo(int Id, string FileName, string Message);

/// <summary>
/// Uploading a video in parts, resumable (see <see cref="VideoUploads"/>): declare it, send parts at the offset the
/// server holds, read that offset again after a failure, finish. JSON for the library page's script; errors are
/// ProblemDetails. The right is the library's, <see cref="EditorAction.Upload"/> in the upload's unit, and an upload is
/// continued only by whoever started it.
/// </summary>
[ApiController]
[Route("/quan-tri/thu-vien/tai-len")]
public sealed class VideoUploadsController(VideoUploads uploads, MediaLibrary library, UnitDirectory units, CurrentEditor editor,
    VideoQueueWakeup transcoder) : EditorController
{
    /// <summary>The script reads every answer as JSON: the editor area's HTML error page must not replace a ProblemDetails.</summary>
    public override void OnActionExecuting(Microsoft.AspNetCore.Mvc.Filters.ActionExecutingContext context)
    {
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
    }

    [HttpPost("")]
    public async Task<IResult> Create([FromQuery(Name = "don-vi")] string? donVi, [FromBody] NewVideoUpload upload, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } unit)
            return ApiProblems.NotFound("Không có đơn vị này.");
        if (!await MayAsync(unit.Unit.Id, EditorAction.Upload))
            return Refused();
        var created = await uploads.CreateAsync(unit.Unit.Id, editor.UserId, upload.FileName, upload.Length, ct);
        return Answer(created, IResult (status) => TypedResults.Created(UrlOf(status.Id), Describe(status)));
    }

    [HttpGet("{id:guid}")]
    public async Task<IResult> Status(Guid id) =>
        uploads.Find(id, editor.UserId) is { } status && await MayAsync(status.UnitId, EditorAction.Upload)
            ? TypedResults.Ok(Describe(status))
            : Missing();

    /// <summary>One part, the raw bytes from <c>?offset=</c>; at most <see cref="MediaLimits.RequestCeiling"/>, never read as a form.</summary>
    [HttpPatch("{id:guid}")]
    [RequestSizeLimit(MediaLimits.RequestCeiling)]
    public async Task<IResult> Append(Guid id, [FromQuery] long offset, CancellationToken ct)
    {
        if (uploads.Find(id, editor.UserId) is not { } status || !await MayAsync(status.UnitId, EditorAction.Upload))
            return Missing();
        return Answer(await uploads.AppendAsync(id, editor.UserId, offset, Request.Body, ct), IResult (done) => TypedResults.Ok(Describe(done)));
    }

    [HttpPost("{id:guid}/xong")]
    public async Task<IResult> Finish(Guid id, [FromBody] FinishedVideoUpload finished, CancellationToken ct)
    {
        if (uploads.Find(id, editor.UserId) is not { } status || !await MayAsync(status.UnitId, EditorAction.Upload))
            return Missing();
        var added = await library.AddVideoAsync(id, editor.UserId, finished.AltText, ct);
        if (added.IsOk)
            transcoder.Wake();
        return Answer(added, IResult (asset) => TypedResults.Created($"/quan-tri/thu-vien/{asset.Id}/{Uri.EscapeDataString(asset.FileName)}",
            new UploadedVideo(asset.Id, asset.FileName, $"Đã tải lên “{asset.FileName}”; video đang chờ chuyển mã.")));
    }

    /// <summary>The outcome as the script reads it: as the API answers (<see cref="ApiProblems.From"/>), messages by field included.</summary>
    private static IResult Answer<T>(Outcome<T> outcome, Func<T, IResult> ok) => ApiProblems.From(outcome, ok);

    private static string UrlOf(Guid id) => $"/quan-tri/thu-vien/tai-len/{id:N}";

    private static VideoUploadAnswer Describe(UploadStatus status) => new(status.Id, status.FileName, status.Length, status.Offset, UrlOf(status.Id));

    private static IResult Missing() => ApiProblems.NotFound("Không tìm thấy lượt tải lên này; có thể nó đã xong hoặc đã quá hạn.");

    /// <summary>The library's refusal as the scripts read it (the post form's upload dialog too).</summary>
    internal static IResult Refused() =>
        TypedResults.Problem(detail: "Bạn không có quyền tải tệp lên thư viện của đơn vị này.", statusCode: StatusCodes.Status403Forbidden, title: "Không được phép");
}
