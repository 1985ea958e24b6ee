using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CchcSite.Testing.Contests;

/// <summary>One request of a participant's way: what it was, what the site answered and how long it took.</summary>
public sealed record ParticipantStep(string Name, HttpStatusCode Status, bool AsExpected, TimeSpan Elapsed);

/// <summary>What a participant sent: their phone as the site stores it, the attempt, the guess of the first submission and the answers that count.</summary>
public sealed record ParticipantPaper(string Phone, Guid Token, int Guess, IReadOnlyDictionary<int, int[]> Answers);

/// <summary>
/// A participant of a contest over real HTTP, as a phone's browser takes part: the contest page, the entry form, the paper,
/// two answers saved as they go, the whole form submitted and submitted again (a double click). Shared by the
/// 1,000-participant test and the contest load benchmark, so that both measure the same way through the site.
/// </summary>
public static partial class ContestParticipant
{
    public const string Save = "save";
    public const string Submit = "submit";

    /// <summary>
    /// Takes part as participant <paramref name="n"/> (phone 0914 + n in six digits); <paramref name="choose"/> answers the
    /// paper (question id → its option ids in the paper's order). Each request is reported to <paramref name="observe"/>;
    /// null when one was not answered as a browser expects.
    /// </summary>
    public static async Task<ParticipantPaper?> TakePartAsync(Uri site, string contest, int n,
        Func<IReadOnlyDictionary<int, IReadOnlyList<int>>, Dictionary<int, int[]>> choose, Action<ParticipantStep> observe, CancellationToken ct)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = site, Timeout = TimeSpan.FromMinutes(2),
        };
        async Task<HttpResponseMessage?> StepAsync(string name, HttpStatusCode expected, Func<Task<HttpResponseMessage>> send)
        {
            var clock = Stopwatch.StartNew();
            var response = await send();
            var ok = response.StatusCode == expected;
            observe(new ParticipantStep(name, response.StatusCode, ok, clock.Elapsed));
            return ok ? response : null;
        }

        if (await StepAsync("contest page", HttpStatusCode.OK, () => browser.GetAsync($"/hoi-thi/{contest}", ct)) is not { } page)
            return null;
        var token = Token(await page.Content.ReadAsStringAsync(ct));
        if (await StepAsync("start", HttpStatusCode.Redirect, () => browser.PostAsync($"/hoi-thi/{contest}", Form(token,
                new("FullName", $"Người dự thi {n}"), new("Phone", $"0914 {n / 1000 % 1000:D3} {n % 1000:D3}"),
                new("BirthYear", (1970 + n % 40).ToString()), new("Address", "Phường 2, thị xã Ngã Năm")), ct)) is not { } started)
            return null;
        var paperPath = started.Headers.Location!.OriginalString;
        if (await StepAsync("paper", HttpStatusCode.OK, () => browser.GetAsync(paperPath, ct)) is not { } paperPage)
            return null;
        var paper = await paperPage.Content.ReadAsStringAsync(ct);
        token = Token(paper);
        var questions = Options().Matches(paper).GroupBy(m => int.Parse(m.Groups[1].Value))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => int.Parse(m.Groups[2].Value)).Distinct().ToList());
        var answers = choose(questions);

        // The page's script saves each answer as it is chosen; the first two questions answered are saved that way.
        foreach (var (question, chosen) in answers.Take(2))
            if (await StepAsync(Save, HttpStatusCode.NoContent, () => browser.PostAsync(paperPath + "/luu",
                    Form(token, [new("question", question.ToString()), .. chosen.Select(o => new KeyValuePair<string, string>("option", o.ToString()))]), ct)) is null)
                return null;

        var guess = n % 50;
        var form = answers.SelectMany(a => a.Value.Select(o => new KeyValuePair<string, string>($"q{a.Key}", o.ToString()))).Append(new("Guess", guess.ToString()));
        if (await StepAsync(Submit, HttpStatusCode.Redirect, () => browser.PostAsync(paperPath, Form(token, [.. form]), ct)) is not { } submitted)
            return null;
        if (await StepAsync("second submit", HttpStatusCode.Redirect, () => browser.PostAsync(paperPath, Form(token, new KeyValuePair<string, string>("Guess", (guess + 1).ToString())), ct)) is not { } again
            || again.Headers.Location != submitted.Headers.Location)
            return null;
        return new ParticipantPaper($"0914{n % 1_000_000:D6}", Guid.Parse(paperPath.Split('/').Last()), guess, answers);
    }

    private static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    private static FormUrlEncodedContent Form(string token, params KeyValuePair<string, string>[] fields) =>
        new(fields.Append(new("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"q(\\d+)\" value=\"(\\d+)\"")]
    private static partial Regex Options();
}
