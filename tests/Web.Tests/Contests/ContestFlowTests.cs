using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Contests;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Contests;

/// <summary>A seeded site whose contest limit is high enough for tests that all come from one address.</summary>
public class ContestSite : SiteFactory
{
    public const string Open = "tim-hieu-cai-cach-hanh-chinh";
    public const string Finished = "cuoc-thi-truc-tuyen-cchc-2022";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Contests:WritesPerMinute"] = "100000" };

    public HttpClient NewBrowser() => CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>The participant's way through the seeded open contest, and the results of the seeded finished one.</summary>
public sealed partial class ContestFlowTests(ContestSite site) : IClassFixture<ContestSite>
{
    private static Dictionary<string, string> Person(string phone) => new()
    {
        ["FullName"] = "Lê Thị Mai", ["Phone"] = phone, ["BirthYear"] = "1990", ["Address"] = "Phường 2, thị xã Ngã Năm",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, string tokenPage, IEnumerable<KeyValuePair<string, string>> fields) =>
        await browser.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", EditorSite.AntiforgeryToken(tokenPage)))));

    /// <summary>Starts an attempt through the contest's form; the address of its paper.</summary>
    private static async Task<string> StartAsync(HttpClient browser, string phone)
    {
        var page = await browser.GetStringAsync($"/hoi-thi/{ContestSite.Open}");
        var started = await PostAsync(browser, $"/hoi-thi/{ContestSite.Open}", page, Person(phone));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }

    private static Guid TokenOf(string paperPath) => Guid.Parse(paperPath.Split('/').Last());

    /// <summary>The page without what changes from one request to the next (the antiforgery token, the seconds left).</summary>
    private static string Stable(string html) =>
        Regex.Replace(Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", ""),
            "data-contest-deadline=\"\\d+\"|<strong data-contest-countdown[^<]*</strong>", "");

    [Fact]
    public async Task A_participant_takes_part_saves_as_they_go_keeps_answers_on_reload_and_sees_the_score_once_submitted()
    {
        var browser = site.NewBrowser();
        var paperPath = await StartAsync(browser, "0913 000 111");
        var paper = await browser.GetStringAsync(paperPath);
        var questions = QuestionIds().Matches(paper).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.Equal(15, questions.Count);

        // Save the first answer as the page's script does; a reload shows it chosen.
        var first = questions[0];
        var option = int.Parse(Regex.Match(paper, $"name=\"q{first}\" value=\"(\\d+)\"").Groups[1].Value);
        var saved = await PostAsync(browser, paperPath + "/luu", paper, [new("question", first.ToString()), new("option", option.ToString())]);
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var reloaded = await browser.GetStringAsync(paperPath);
        Assert.Matches($"name=\"q{first}\" value=\"{option}\" checked=\"checked\"", reloaded);

        // Without script the form sends every answer: the rest are answered right, read from the database as a test may.
        var token = TokenOf(paperPath);
        var correct = await site.WithDbAsync(db => db.ContestOptions.Where(o => o.IsCorrect && questions.Contains(o.QuestionId))
            .ToDictionaryAsync(o => o.QuestionId, o => o.Id));
        var fields = questions.Skip(1).Select(q => new KeyValuePair<string, string>($"q{q}", correct[q].ToString()))
            .Append(new("q" + first, option.ToString())).Append(new("Guess", "12")).ToList();
        var submitted = await PostAsync(browser, paperPath, reloaded, fields);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ContestAddresses.Result(token), submitted.Headers.Location!.OriginalString);
        var expected = 14 + (option == correct[first] ? 1 : 0);

        var result = await browser.GetStringAsync(ContestAddresses.Result(token));
        Assert.Contains($"{expected}/15", result);
        Assert.Contains("Đáp án và lời giải được công bố sau khi đợt thi kết thúc", result);
        Assert.DoesNotContain("(đáp án đúng)", result);

        // A second submission (a double click) changes nothing; the paper now leads to the result.
        var again = await PostAsync(browser, paperPath, reloaded, [new("Guess", "99")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var stored = await site.WithDbAsync(db => db.ContestAttempts.SingleAsync(a => a.Token == token));
        Assert.Equal((expected, 12), (stored.Score, stored.Guess));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(paperPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(browser, paperPath + "/luu", reloaded, [new("question", first.ToString())])).StatusCode);
    }

    [Fact]
    public async Task An_entry_once_submitted_downloads_its_certificate_and_no_one_else_does()
    {
        var browser = site.NewBrowser();
        var paperPath = await StartAsync(browser, "0913 000 999");
        var token = TokenOf(paperPath);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(ContestAddresses.Certificate(token))).StatusCode);
        var paper = await browser.GetStringAsync(paperPath);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(browser, paperPath, paper, [])).StatusCode);

        Assert.Contains($"href=\"{ContestAddresses.Certificate(token)}\"", await browser.GetStringAsync(ContestAddresses.Result(token)));
        var pdf = await browser.GetAsync(ContestAddresses.Certificate(token));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Lê Thị Mai", text);
        Assert.Contains("0/15", text);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(ContestAddresses.Certificate(Guid.NewGuid()))).StatusCode);
    }

    [Fact]
    public async Task The_contest_list_searches_contests_with_or_without_tones_and_site_search_counts_them()
    {
        var browser = site.NewBrowser();
        var title = await site.WithDbAsync(db => db.Contests.Where(c => c.Slug == ContestSite.Open).Select(c => c.Title).SingleAsync());
        var found = WebUtility.HtmlDecode(await browser.GetStringAsync(ContestAddresses.Search(CchcSite.Content.Procedures.ProcedureRules.Fold(title))));
        Assert.Contains(title, found);
        Assert.Contains("Tìm thấy", found);
        var none = WebUtility.HtmlDecode(await browser.GetStringAsync(ContestAddresses.Search("xyzzy")));
        Assert.Contains("Không tìm thấy hội thi nào khớp với từ khóa.", none);
        Assert.DoesNotContain(title, none);

        var search = WebUtility.HtmlDecode(await browser.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(title)));
        Assert.Matches(@"Hội thi trực tuyến <span class=""count"">\(\d+\)</span>", search);
    }

    [Fact]
    public async Task Nothing_sent_before_submission_depends_on_which_options_are_correct()
    {
        var browser = site.NewBrowser();
        var contestPage = Stable(await browser.GetStringAsync($"/hoi-thi/{ContestSite.Open}"));
        var paperPath = await StartAsync(browser, "0913 000 222");
        var paper = await browser.GetStringAsync(paperPath);
        var questions = QuestionIds().Matches(paper).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
        var option = int.Parse(Regex.Match(paper, $"name=\"q{questions[0]}\" value=\"(\\d+)\"").Groups[1].Value);
        var save = await PostAsync(browser, paperPath + "/luu", paper, [new("question", questions[0].ToString()), new("option", option.ToString())]);
        Assert.Empty(await save.Content.ReadAsStringAsync());
        var explanations = await site.WithDbAsync(db => db.ContestQuestions.Where(q => questions.Contains(q.Id)).Select(q => q.Explanation).ToListAsync());
        var withAnswer = await browser.GetStringAsync(paperPath);
        Assert.All(explanations, e => Assert.DoesNotContain(e, withAnswer));

        // Make another option correct in every question of the paper: what the participant is sent must not change at all.
        await site.WithDbAsync(db => db.ContestOptions.Where(o => questions.Contains(o.QuestionId))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCorrect, o => !o.IsCorrect)));
        try
        {
            Assert.Equal(Stable(withAnswer), Stable(await browser.GetStringAsync(paperPath)));
            Assert.Equal(contestPage, Stable(await browser.GetStringAsync($"/hoi-thi/{ContestSite.Open}")));
        }
        finally
        {
            await site.WithDbAsync(db => db.ContestOptions.Where(o => questions.Contains(o.QuestionId))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IsCorrect, o => !o.IsCorrect)));
        }
    }

    [Fact]
    public async Task The_same_phone_written_another_way_is_refused_and_forged_or_robot_forms_store_nothing()
    {
        var browser = site.NewBrowser();
        await StartAsync(browser, "0913 000 333");
        var page = await browser.GetStringAsync($"/hoi-thi/{ContestSite.Open}");
        var again = await PostAsync(browser, $"/hoi-thi/{ContestSite.Open}", page, Person("+84 913.000.333"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("đã dự thi đợt này", await again.Content.ReadAsStringAsync());

        var robot = await PostAsync(browser, $"/hoi-thi/{ContestSite.Open}", page, Person("0913 000 444").Append(new("Website", "http://spam")));
        Assert.Equal(HttpStatusCode.BadRequest, robot.StatusCode);
        var forged = await site.NewBrowser().PostAsync($"/hoi-thi/{ContestSite.Open}", new FormUrlEncodedContent(Person("0913 000 555")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var invalid = await PostAsync(browser, $"/hoi-thi/{ContestSite.Open}", page, new Dictionary<string, string> { ["FullName"] = "", ["BirthYear"] = "abc" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("error-summary", await invalid.Content.ReadAsStringAsync());
        Assert.False(await site.WithDbAsync(db => db.ContestAttempts.AnyAsync(a => a.Phone == "0913000444" || a.Phone == "0913000555")));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/hoi-thi/bai-thi/{Guid.NewGuid():N}")).StatusCode);
    }

    [Fact]
    public async Task The_finished_sample_contest_shows_ranked_masked_results_per_round_and_per_unit_and_an_open_round_has_none()
    {
        var browser = site.NewBrowser();
        var list = await browser.GetStringAsync("/hoi-thi");
        Assert.Contains("Cuộc thi trực tuyến tìm hiểu về cải cách hành chính năm 2022", list);
        Assert.Contains("Tham gia đợt 1", list);

        foreach (var path in new[] { $"/hoi-thi/{ContestSite.Finished}/ket-qua", $"/hoi-thi/{ContestSite.Finished}/ket-qua/dot-3" })
        {
            var html = await browser.GetStringAsync(path);
            Assert.Contains("Dữ liệu mẫu", html);
            Assert.Contains("Giải Nhất", html);
            Assert.Contains("Số lượt tham gia theo đơn vị", html);
            Assert.Matches(@"09xx xxx \d{3}", html);
            Assert.DoesNotMatch(@"\b0\d{9}\b", html);
        }
        var round = await browser.GetStringAsync($"/hoi-thi/{ContestSite.Finished}/ket-qua/dot-3");
        Assert.Contains("60 lượt dự thi", round);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/hoi-thi/{ContestSite.Open}/ket-qua/dot-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/hoi-thi/khong-co")).StatusCode);
    }

    [GeneratedRegex("name=\"q(\\d+)\"")]
    private static partial Regex QuestionIds();
}

/// <summary>/api/v1/contests: the same contests and results as the pages, problems in Vietnamese.</summary>
public sealed class ContestApiTests(ContestSite site) : IClassFixture<ContestSite>
{
    [Fact]
    public async Task The_api_lists_contests_describes_one_and_gives_closed_round_results_with_masked_contacts_only()
    {
        var client = site.NewBrowser();
        var list = await client.GetStringAsync("/api/v1/contests");
        Assert.Contains(ContestSite.Open, list);
        Assert.Contains(ContestSite.Finished, list);

        var contest = await client.GetStringAsync($"/api/v1/contests/{ContestSite.Finished}");
        Assert.Contains("\"rulesHtml\"", contest);
        Assert.Contains("\"questionsPerAttempt\":10", contest);

        var results = await client.GetAsync($"/api/v1/contests/{ContestSite.Finished}/rounds/2/results");
        var json = await results.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        Assert.Contains("\"entries\":60", json);
        Assert.Matches("09xx xxx \\d{3}", json);
        Assert.DoesNotMatch(@"\b0\d{9}\b", json);
        Assert.DoesNotContain("isCorrect", json, StringComparison.OrdinalIgnoreCase);

        foreach (var path in new[] { $"/api/v1/contests/{ContestSite.Open}/rounds/1/results", "/api/v1/contests/khong-co" })
        {
            var missing = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
    }
}
