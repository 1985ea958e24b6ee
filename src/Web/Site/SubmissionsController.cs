using System.Text.Json;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Questions;
using CchcSite.Web.Hosting;
using CchcSite.Web.Questions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcSite.Web.Site;

/// <summary>The form fields; <see cref="Website"/> is the honeypot, hidden from people and filled only by robots.</summary>
public sealed class SubmissionForm
{
    public string? Unit { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Category { get; set; }
    /// <summary>The procedure box: a code or words of the name.</summary>
    public string? Procedure { get; set; }
    /// <summary>One of the procedures offered when the words fitted several: it wins over the box.</summary>
    public string? ProcedureCode { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public bool PublishConsent { get; set; }
    public string? Location { get; set; }
    public FeedbackType? FeedbackType { get; set; }
    public IFormFile? Attachment { get; set; }
    public string? Website { get; set; }

    public SubmissionInput ToInput() => new()
    {
        Unit = Unit, Name = Name, Email = Email, Phone = Phone, Category = Category, Title = Title, Text = Text,
        Procedure = string.IsNullOrWhiteSpace(ProcedureCode) ? Procedure : ProcedureCode,
        PublishConsent = PublishConsent, Location = Location, FeedbackType = FeedbackType,
    };
}

/// <summary>
/// The citizens' forms (per unit and province-wide) and the tracking lookup. Never output-cached: the forms carry an
/// antiforgery token for one visitor, and a tracking answer belongs to whoever holds the code.
/// </summary>
[AutoValidateAntiforgeryToken]
[PrivateAnswer]
[RequestSizeLimit(RequestCeiling)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestCeiling)]
public sealed class SubmissionsController(QuestionPageBuilder pages, SubmissionIntake intake, SubmissionLimiter limiter) : Controller
{
    /// <summary>Above the largest attachment the options allow, plus the text fields.</summary>
    private const long RequestCeiling = 12 * 1024 * 1024;

    [HttpGet("/" + SubmissionAddresses.QuestionSegment)]
    [HttpGet("/{unit:unit}/" + SubmissionAddresses.QuestionSegment)]
    public async Task<IActionResult> Question(string? unit, [FromQuery(Name = PublishedQuestionUrls.ProcedureQuery)] string? thuTuc, CancellationToken ct) =>
        // A procedure page's "ask about it" link names the procedure; the form shows it found, or why not, before anything is sent.
        await pages.FormAsync(SubmissionKind.Question, unit, new SubmissionInput { Procedure = thuTuc }, new Dictionary<string, string>(), ct) is { } page
            ? View("Form", page) : NotFound();

    [HttpGet("/" + SubmissionAddresses.FeedbackSegment)]
    [HttpGet("/{unit:unit}/" + SubmissionAddresses.FeedbackSegment)]
    public Task<IActionResult> Feedback(string? unit, CancellationToken ct) => FormAsync(SubmissionKind.Feedback, unit, ct);

    [HttpPost("/" + SubmissionAddresses.QuestionSegment)]
    [HttpPost("/{unit:unit}/" + SubmissionAddresses.QuestionSegment)]
    public Task<IActionResult> SubmitQuestion(string? unit, SubmissionForm form, CancellationToken ct) =>
        SubmitAsync(SubmissionKind.Question, unit, form, ct);

    [HttpPost("/" + SubmissionAddresses.FeedbackSegment)]
    [HttpPost("/{unit:unit}/" + SubmissionAddresses.FeedbackSegment)]
    public Task<IActionResult> SubmitFeedback(string? unit, SubmissionForm form, CancellationToken ct) =>
        SubmitAsync(SubmissionKind.Feedback, unit, form, ct);

    [HttpGet(SubmissionAddresses.TrackingPath)]
    [EnableRateLimiting(TrackingLimit.Policy)]
    public async Task<IActionResult> Track([FromQuery(Name = "ma")] string? ma, CancellationToken ct)
    {
        var page = await pages.TrackingAsync(ma, ct);
        if (!string.IsNullOrWhiteSpace(ma) && page.Found is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Track", page);
    }

    private async Task<IActionResult> FormAsync(SubmissionKind kind, string? unit, CancellationToken ct) =>
        await pages.FormAsync(kind, unit, new SubmissionInput(), new Dictionary<string, string>(), ct) is { } page ? View("Form", page) : NotFound();

    private async Task<IActionResult> SubmitAsync(SubmissionKind kind, string? unit, SubmissionForm form, CancellationToken ct)
    {
        var input = form.ToInput();
        if (!string.IsNullOrEmpty(form.Website))
            return await RefuseAsync(kind, unit, input, StatusCodes.Status400BadRequest, "Không gửi được. Vui lòng để trống các ô không có nhãn và thử lại.", ct);
        if (!limiter.TryAcquire(HttpContext))
            return await RefuseAsync(kind, unit, input, StatusCodes.Status429TooManyRequests, SubmissionLimiter.Message, ct);
        // The unit in the address wins over any posted value: a unit's own form always reaches that unit.
        if (unit is not null)
            input = input with { Unit = unit };

        await using var content = form.Attachment is { Length: > 0 } file ? file.OpenReadStream() : null;
        var attachment = content is null ? null : new SubmittedFile(form.Attachment!.FileName, content);
        return await intake.SubmitAsync(kind, input, attachment, ct) switch
        {
            // POST-redirect-GET: a reload of the receipt shows it again and never sends the form twice.
            Outcome<SubmissionReceivedPage>.Ok received => KeepReceipt(received.Value),
            // The citizen's form shows one message a field; the intake gives no more than one.
            Outcome<SubmissionReceivedPage>.Invalid invalid => await ShowAsync(kind, unit, input,
                invalid.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)), StatusCodes.Status422UnprocessableEntity, ct),
            var refused => await RefuseAsync(kind, unit, input, StatusCodes.Status403Forbidden, refused.Problem!, ct),
        };
    }

    /// <summary>The receipt after the redirect. Without one in this browser (or after it closed), the tracking page.</summary>
    [HttpGet(ReceiptPath)]
    public IActionResult Received() =>
        TempData.Peek(ReceiptKey) is string json && JsonSerializer.Deserialize<KeptReceipt>(json) is { } kept
            ? View("Received", new SubmissionReceivedPage(
                new Submitted(kept.Kind, kept.TrackingCode, kept.Title, kept.UnitName, kept.DueOn, Email: null), kept.Emailed))
            : Redirect(SubmissionAddresses.TrackingPath);

    /// <summary>
    /// The receipt travels to the GET in the antiforgery-grade protected TempData cookie of this browser, never in the
    /// address (where the code, the key to the answer, would reach logs and history), and without the contact details.
    /// Peeked, not read, so that a reload shows it again.
    /// </summary>
    private RedirectResult KeepReceipt(SubmissionReceivedPage page)
    {
        var r = page.Receipt;
        TempData[ReceiptKey] = JsonSerializer.Serialize(new KeptReceipt(r.Kind, r.TrackingCode, r.Title, r.UnitName, r.DueOn, page.Emailed));
        return new RedirectResult(ReceiptPath) { PreserveMethod = false };
    }

    public const string ReceiptPath = "/da-tiep-nhan";
    private const string ReceiptKey = "Receipt";

    private sealed record KeptReceipt(SubmissionKind Kind, string TrackingCode, string Title, string UnitName, DateOnly DueOn, bool Emailed);

    private Task<IActionResult> RefuseAsync(SubmissionKind kind, string? unit, SubmissionInput input, int status, string message, CancellationToken ct) =>
        ShowAsync(kind, unit, input, new Dictionary<string, string> { [""] = message }, status, ct);

    private async Task<IActionResult> ShowAsync(SubmissionKind kind, string? unit, SubmissionInput input,
        IReadOnlyDictionary<string, string> errors, int status, CancellationToken ct)
    {
        if (await pages.FormAsync(kind, unit, input, errors, ct) is not { } page)
            return NotFound();
        Response.StatusCode = status;
        return View("Form", page);
    }
}
