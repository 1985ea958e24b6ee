using System.Net;
using CchcSite.Content.Surveys;
using CchcSite.Web.Surveys;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Surveys;

/// <summary>A respondent's way through a survey's public form, without script, and a desk's kiosk.</summary>
public sealed class SurveyFlowTests(SurveySite site) : IClassFixture<SurveySite>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await browser.GetStringAsync(path);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", EditorSite.AntiforgeryToken(page)))));
    }

    [Fact]
    public async Task A_respondent_answers_without_script_keeps_what_was_typed_when_refused_and_answers_only_once()
    {
        var q = await site.AddSurveyAsync("luong-cong-khai");
        var yes = (await site.OptionsAsync(q[0]))[0];
        var browser = site.NewBrowser();
        var form = await browser.GetStringAsync("/khao-sat/luong-cong-khai");
        Assert.Contains("<h1>Khảo sát thử luong-cong-khai</h1>", form);
        Assert.Contains("I. Tiếp cận dịch vụ", form);
        Assert.Contains("Chỉ trả lời nếu ở câu 1 bạn chọn “Có”.", form);
        Assert.Contains("5 – Rất hài lòng", form);

        // "Có" without the conditional question's answer nor the scale: both flagged, the typed text kept.
        var refused = await PostAsync(browser, "/khao-sat/luong-cong-khai", [new($"q{q[0]}", yes.ToString()), new($"q{q[3]}", "Cần thêm ghế <chờ>")]);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Còn 2 câu chưa trả lời đúng yêu cầu", html);
        Assert.Contains($"id=\"loi-{q[1]}\">Vui lòng trả lời câu hỏi này.", html);
        Assert.Contains($"id=\"loi-{q[2]}\">Vui lòng trả lời câu hỏi này.", html);
        Assert.Contains("Cần thêm ghế &lt;chờ&gt;</textarea>", html);
        Assert.Matches($"value=\"{yes}\" checked=\"checked\"", html);

        var sent = await PostAsync(browser, "/khao-sat/luong-cong-khai",
            [new($"q{q[0]}", yes.ToString()), new($"q{q[1]}", (await site.OptionsAsync(q[1]))[1].ToString()), new($"q{q[2]}", "5"), new($"q{q[3]}", "Tốt")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(SurveyAddresses.Thanks("luong-cong-khai"), sent.Headers.Location!.OriginalString);
        Assert.Contains("Cảm ơn bạn đã tham gia khảo sát", await browser.GetStringAsync(sent.Headers.Location!.OriginalString));
        // The browser got its token with its first send (the refused one) and keeps it.
        var cookie = Assert.Single(refused.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SurveysController.TokenCookie));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        // The same browser again: refused with a Vietnamese message, and the form says so instead of asking.
        var again = await browser.PostAsync("/khao-sat/luong-cong-khai", new FormUrlEncodedContent(
        [
            new($"q{q[0]}", (await site.OptionsAsync(q[0]))[1].ToString()), new($"q{q[2]}", "1"),
            new("__RequestVerificationToken", EditorSite.AntiforgeryToken(html)),
        ]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(SurveyResponses.AlreadyAnswered, await browser.GetStringAsync("/khao-sat/luong-cong-khai"));
        var stored = await site.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).Where(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Slug == "luong-cong-khai")).ToListAsync());
        var response = Assert.Single(stored);
        Assert.Equal(4, response.Answers.Count);
    }

    [Fact]
    public async Task A_form_without_antiforgery_or_with_nonsense_stores_nothing_and_never_fails_with_500()
    {
        var q = await site.AddSurveyAsync("du-lieu-xau");
        var browser = site.NewBrowser();
        var forged = await browser.PostAsync("/khao-sat/du-lieu-xau", new FormUrlEncodedContent([new($"q{q[0]}", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var nonsense = await PostAsync(browser, "/khao-sat/du-lieu-xau", [new($"q{q[0]}", "abc"), new($"q{q[2]}", "9"), new("qxyz", "1"), new("q999999", "2")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nonsense.StatusCode);
        Assert.Contains("Vui lòng chọn một mức từ 1 đến 5.", await nonsense.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/khao-sat/khong-co")).StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.SurveyResponses.CountAsync(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Slug == "du-lieu-xau"))));
    }

    [Fact]
    public async Task A_kiosk_takes_one_person_after_another_and_returns_to_an_empty_form_but_a_wrong_token_is_a_browser()
    {
        var q = await site.AddSurveyAsync("quay-mot-cua");
        var no = (await site.OptionsAsync(q[0]))[1];
        var kiosk = site.NewBrowser();
        var path = SurveyAddresses.KioskForm("quay-mot-cua", SurveySite.KioskToken);
        Assert.Contains($"action=\"{path.Replace("&", "&amp;")}\"", await kiosk.GetStringAsync(path));
        for (var person = 0; person < 3; person++)
        {
            var sent = await PostAsync(kiosk, path, [new($"q{q[0]}", no.ToString()), new($"q{q[2]}", "4")]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.False(sent.Headers.Contains("Set-Cookie") && sent.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(SurveysController.TokenCookie)));
            var thanks = await kiosk.GetAsync(sent.Headers.Location!.OriginalString);
            Assert.Equal($"{SurveysController.KioskResetSeconds};url={path}", thanks.Headers.GetValues("Refresh").Single());
        }
        Assert.Equal(3, await site.WithDbAsync(db => db.SurveyResponses.CountAsync(r => db.Surveys.Any(s => s.Id == r.SurveyId && s.Slug == "quay-mot-cua"))));

        // A guessed kiosk token is an ordinary browser: its second response is refused.
        var stranger = site.NewBrowser();
        var wrong = SurveyAddresses.KioskForm("quay-mot-cua", "doan-bua");
        var token = EditorSite.AntiforgeryToken(await stranger.GetStringAsync(wrong));
        FormUrlEncodedContent Answer() => new([new($"q{q[0]}", no.ToString()), new($"q{q[2]}", "4"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.PostAsync(wrong, Answer())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await stranger.PostAsync(wrong, Answer())).StatusCode);
    }
}
