using CchcSite.Content.Contests;
using CchcSite.Content.Outcomes;
using CchcSite.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcSite.Web.Contests;

/// <summary>The details a participant gives; <see cref="Website"/> is the honeypot, hidden from people and filled only by robots.</summary>
public sealed class ContestEntryForm
{
    public string? FullName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int? BirthYear { get; set; }
    public string? Address { get; set; }
    public string? Unit { get; set; }
    public string? Website { get; set; }

    public ContestEntryInput ToInput() => new() { FullName = FullName, Phone = Phone, Email = Email, BirthYear = BirthYear, Address = Address, Unit = Unit };
}

/// <summary>
/// The public contest pages: the list, a contest with its rules and entry form, the attempt (saved answer by answer by the
/// page's script, or sent whole by the form without it), the participant's result and the results of closed rounds. Never
/// output-cached: the forms carry one visitor's antiforgery token, and a round opens and closes by the clock.
/// </summary>
[AutoValidateAntiforgeryToken]
[PrivateAnswer]
public sealed class ContestsController(PublicContests contests, ContestEntries entries, PublicUrls urls) : Controller
{
    /// <summary>Form fields of the attempt: <c>q{questionId}</c> holds the chosen option ids.</summary>
    public const string AnswerPrefix = "q";

    [HttpGet(ContestAddresses.List)]
    public async Task<IActionResult> Index([FromQuery] string? q, CancellationToken ct) => View("Index", await contests.SearchAsync(q, ct));

    [HttpGet(ContestAddresses.List + "/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct) =>
        await contests.PageAsync(slug, new ContestEntryInput(), new Dictionary<string, string>(), ct) is { } page ? View("Show", page) : NotFound();

    [HttpPost(ContestAddresses.List + "/{slug}")]
    [EnableRateLimiting(ContestLimit.Policy)]
    public async Task<IActionResult> Start(string slug, ContestEntryForm form, CancellationToken ct)
    {
        var input = form.ToInput();
        if (!string.IsNullOrEmpty(form.Website))
            return await ShowAsync(slug, input, new Dictionary<string, string> { [""] = "Không gửi được. Vui lòng để trống các ô không có nhãn và thử lại." },
                StatusCodes.Status400BadRequest, ct);
        if (!ModelState.IsValid)
            return await ShowAsync(slug, input, new Dictionary<string, string> { ["BirthYear"] = "Năm sinh phải là một số, ví dụ 1990." },
                StatusCodes.Status422UnprocessableEntity, ct);
        return await entries.StartAsync(slug, input, ct) switch
        {
            Outcome<Guid>.Ok ok => RedirectToAttempt(ok.Value),
            Outcome<Guid>.NotFound => NotFound(),
            Outcome<Guid>.Invalid invalid => await ShowAsync(slug, input, invalid.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value)),
                StatusCodes.Status422UnprocessableEntity, ct),
            var refused => await ShowAsync(slug, input, new Dictionary<string, string> { [""] = refused.Problem! }, StatusCodes.Status409Conflict, ct),
        };
    }

    [HttpGet(ContestAddresses.List + "/bai-thi/{token:guid}")]
    public async Task<IActionResult> Attempt(Guid token, CancellationToken ct) => await entries.PaperAsync(token, ct) switch
    {
        null => NotFound(),
        { Submitted: true } => Redirect(ContestAddresses.Result(token)),
        var page => View("Attempt", page),
    };

    /// <summary>The page's script saves one question's answer (fields <c>question</c> and <c>option</c>) each time it changes.</summary>
    [HttpPost(ContestAddresses.List + "/bai-thi/{token:guid}/luu")]
    [EnableRateLimiting(ContestLimit.Policy)]
    public async Task<IActionResult> Save(Guid token, [FromForm] int question, [FromForm(Name = "option")] int[]? options, CancellationToken ct) =>
        await entries.SaveAsync(token, question, options ?? [], ct) switch
        {
            Outcome<bool>.Ok => NoContent(),
            Outcome<bool>.NotFound => NotFound(),
            Outcome<bool>.Invalid invalid => Problem(invalid.Problem, statusCode: StatusCodes.Status422UnprocessableEntity),
            var other => Problem(other.Problem, statusCode: StatusCodes.Status409Conflict),
        };

    [HttpPost(ContestAddresses.List + "/bai-thi/{token:guid}")]
    [EnableRateLimiting(ContestLimit.Policy)]
    public async Task<IActionResult> Submit(Guid token, CancellationToken ct)
    {
        var answers = new Dictionary<int, IReadOnlyCollection<int>>();
        foreach (var (key, values) in Request.Form)
            if (key.StartsWith(AnswerPrefix) && int.TryParse(key.AsSpan(AnswerPrefix.Length), out var question))
                answers[question] = [.. values.Select(v => int.TryParse(v, out var id) ? id : -1)];
        int? guess = int.TryParse(Request.Form["Guess"], out var g) ? g : null;
        return await entries.SubmitAsync(token, answers, guess, ct) switch
        {
            Outcome<Guid>.Ok => Redirect(ContestAddresses.Result(token)),
            Outcome<Guid>.NotFound => NotFound(),
            var problem => await AttemptAgainAsync(token, problem.Problem!, ct),
        };
    }

    [HttpGet(ContestAddresses.List + "/bai-thi/{token:guid}/ket-qua")]
    public async Task<IActionResult> Result(Guid token, CancellationToken ct) =>
        await entries.ResultAsync(token, ct) is { } page ? View("Result", page)
        : await entries.PaperAsync(token, ct) is not null ? Redirect(ContestAddresses.Attempt(token)) : NotFound();

    /// <summary>The certificate of participation of an entry that stands; its secret address is the attempt's, like the result.</summary>
    [HttpGet(ContestAddresses.List + "/bai-thi/{token:guid}/giay-chung-nhan.pdf")]
    public async Task<IActionResult> Certificate(Guid token, CancellationToken ct) =>
        await entries.CertificateAsync(token, ct) is { } entry
            ? File(ContestCertificate.Render(entry, urls.Origin), "application/pdf", $"giay-chung-nhan-{entry.ContestSlug}-dot-{entry.RoundNumber}.pdf")
            : NotFound();

    [HttpGet(ContestAddresses.List + "/{slug}/ket-qua")]
    public async Task<IActionResult> Results(string slug, CancellationToken ct) =>
        await contests.ResultsAsync(slug, null, ct) is { } page ? View("Results", page) : NotFound();

    [HttpGet(ContestAddresses.List + "/{slug}/ket-qua/dot-{round:int}")]
    public async Task<IActionResult> RoundResults(string slug, int round, CancellationToken ct) =>
        await contests.ResultsAsync(slug, round, ct) is { } page ? View("Results", page) : NotFound();

    /// <summary>POST-redirect-GET: a reload of the attempt page never sends the details again.</summary>
    private RedirectResult RedirectToAttempt(Guid token) => new(ContestAddresses.Attempt(token)) { PreserveMethod = false };

    private async Task<IActionResult> AttemptAgainAsync(Guid token, string message, CancellationToken ct)
    {
        var page = await entries.PaperAsync(token, ct);
        if (page is null)
            return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Attempt", page with { Message = message });
    }

    private async Task<IActionResult> ShowAsync(string slug, ContestEntryInput input, IReadOnlyDictionary<string, string> errors, int status, CancellationToken ct)
    {
        if (await contests.PageAsync(slug, input, errors, ct) is not { } page)
            return NotFound();
        Response.StatusCode = status;
        return View("Show", page);
    }
}
