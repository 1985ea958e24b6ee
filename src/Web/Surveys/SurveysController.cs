using CchcSite.Content.Paging;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Surveys;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Surveys;

/// <summary>
/// The public survey: the form (working without script; the page's script only hides conditional questions), the send,
/// and the thank-you page. A browser is known by a random cookie token of its own, which the database sees only hashed.
/// Never cached: the form carries one visitor's antiforgery token.
/// </summary>
[AutoValidateAntiforgeryToken]
[PrivateAnswer]
public sealed class SurveysController(SurveyResponses responses, SurveyResults results, SurveyQrCode qr, IOptions<SurveyOptions> options) : Controller
{
    /// <summary>Form fields: <c>q{questionId}</c> holds the chosen option ids or the typed answer.</summary>
    public const string AnswerPrefix = "q";
    public const string TokenCookie = "cchc-khao-sat";

    public const int KioskResetSeconds = 8;

    private const string Base = "/" + SurveyAddresses.Segment + "/{slug}";

    [HttpGet(SurveyAddresses.List)]
    public async Task<IActionResult> Index([FromQuery(Name = "trang")] string? trang, CancellationToken ct)
    {
        // A number past the int range is a page past the end (an empty page), not page 1.
        var page = PageNumber.Parse(trang) is { } p and >= 1 ? p : 1;
        return View("Index", new SurveyListPage(await responses.PublicListAsync(null, new PageRequest(page), ct)));
    }

    [HttpGet(Base)]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        var page = await responses.FormAsync(slug, new Dictionary<int, QuestionnaireAnswer>(), new Dictionary<int, string>(), ct);
        if (page is null)
            return NotFound();
        var kiosk = KioskValue;
        if (kiosk is null && Request.Cookies[TokenCookie] is { } token && await responses.HasAnsweredAsync(slug, token, ct))
            page = page with { Message = SurveyResponses.AlreadyAnswered, Open = false };
        return View("Show", page with { Kiosk = kiosk });
    }

    [HttpPost(Base)]
    [EnableRateLimiting(SurveyLimit.Policy)]
    public async Task<IActionResult> Submit(string slug, CancellationToken ct)
    {
        var answers = ReadAnswers();
        var kiosk = KioskValue;
        Respondent respondent = kiosk is not null ? new Respondent.Kiosk() : new Respondent.Browser(BrowserTokenCookie.GetOrSet(HttpContext, TokenCookie, "/" + SurveyAddresses.Segment));
        var outcome = await responses.SubmitAsync(slug, respondent, answers, Request.Form["RespondentName"], ct);
        switch (outcome)
        {
            case Outcome<int>.Ok:
                // POST-redirect-GET: a reload of the thank-you page sends nothing again.
                return Redirect(SurveyAddresses.Thanks(slug) + (kiosk is not null ? $"?{SurveyKiosk.Field}={Uri.EscapeDataString(kiosk)}" : ""));
            case Outcome<int>.NotFound:
                return NotFound();
        }
        var errors = outcome is Outcome<int>.Invalid invalid
            ? invalid.Errors.Where(e => int.TryParse(e.Key, out _)).ToDictionary(e => int.Parse(e.Key), e => string.Join(" ", e.Value))
            : new Dictionary<int, string>();
        var page = await responses.FormAsync(slug, answers, errors, ct);
        if (page is null)
            return NotFound();
        Response.StatusCode = outcome is Outcome<int>.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        var message = outcome is Outcome<int>.Invalid
            ? $"Còn {errors.Count} câu chưa trả lời đúng yêu cầu; vui lòng xem các câu được đánh dấu bên dưới. Các câu bạn đã trả lời vẫn được giữ nguyên."
            : outcome.Problem;
        return View("Show", page with { Kiosk = kiosk, Message = message });
    }

    [HttpGet(Base + "/cam-on")]
    public async Task<IActionResult> Thanks(string slug, CancellationToken ct)
    {
        if (await responses.FormAsync(slug, new Dictionary<int, QuestionnaireAnswer>(), new Dictionary<int, string>(), ct) is not { } form)
            return NotFound();
        var kiosk = KioskValue;
        // The desk's tablet returns to an empty form by itself for the next person (and at once by the page's link).
        if (kiosk is not null)
            Response.Headers["Refresh"] = $"{KioskResetSeconds};url={SurveyAddresses.KioskForm(slug, kiosk)}";
        return View("Thanks", new SurveyThanksPage(form.Slug, form.SurveyTitle, kiosk));
    }

    /// <summary>The results its unit has published: figures and charts only; 404 until they are published.</summary>
    [HttpGet(Base + "/ket-qua")]
    public async Task<IActionResult> Results(string slug, CancellationToken ct) =>
        await results.PublishedAsync(slug, ct) is { } view ? View("Results", new SurveyResultsPage(view)) : NotFound();

    /// <summary>The QR code of the survey's public address, to print (PNG) or to place in a leaflet's layout (SVG).</summary>
    [HttpGet(Base + "/ma-qr.{format:regex(^(png|svg)$)}")]
    public async Task<IActionResult> QrCode(string slug, string format, CancellationToken ct)
    {
        if (!await responses.ExistsForPublicAsync(slug, ct))
            return NotFound();
        var path = SurveyAddresses.Survey(slug);
        return format == "png" ? File(qr.Png(path), "image/png") : Content(qr.Svg(path), "image/svg+xml");
    }

    /// <summary>The value that opened kiosk mode when this request is allowed it; null for a person's own browser.</summary>
    private string? KioskValue => SurveyKiosk.IsKiosk(HttpContext, options.Value) ? SurveyKiosk.Value(HttpContext) : null;

    private Dictionary<int, QuestionnaireAnswer> ReadAnswers()
    {
        var answers = new Dictionary<int, QuestionnaireAnswer>();
        foreach (var (key, values) in Request.Form)
        {
            if (!key.StartsWith(AnswerPrefix) || !int.TryParse(key.AsSpan(AnswerPrefix.Length), out var question))
                continue;
            // Choice fields send option ids; the other kinds one text. Which is which the rules decide by the question's kind.
            var ids = values.Select(v => int.TryParse(v, out var id) ? id : -1).ToList();
            answers[question] = new QuestionnaireAnswer(ids, values.Count == 1 ? values[0] : null);
        }
        return answers;
    }
}
