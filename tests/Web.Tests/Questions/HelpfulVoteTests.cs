using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Questions;
using CchcSite.Content.Text;
using CchcSite.Web.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Questions;

/// <summary>A site whose votes on answers are limited to two a minute per address.</summary>
public sealed class LimitedVoteSite : QuestionSite
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Questions:HelpfulVotesPerMinute"] = "2";
            return settings;
        }
    }
}

/// <summary>"Câu trả lời này có hữu ích không?" over HTTP: the cached pages' form, the confirmation, the API, the officers' counts.</summary>
public sealed class HelpfulVoteTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    /// <summary>The seeded published questions, one for each test, so that their counts do not mix.</summary>
    private Task<int> PublishedAsync(int which) => site.WithDbAsync(db => db.Submissions.PublishedQuestions()
        .OrderBy(s => s.Id).Select(s => s.Id).Skip(which).FirstAsync());

    private Task<List<HelpfulVote>> VotesAsync(int id) => site.WithDbAsync(db => db.HelpfulVotes.Where(v => v.SubmissionId == id).ToListAsync());

    /// <summary>Opens the confirmation and posts its form, as a browser without script does after the cached page's first post.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, int id, string choice)
    {
        var confirmation = await browser.GetStringAsync($"/hoi-dap/{id}/y-kien?huu-ich={choice}");
        return await browser.PostAsync($"/hoi-dap/{id}/y-kien", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = EditorSiteToken(confirmation), [HelpfulVotes.Field] = choice,
        }));
    }

    private static string EditorSiteToken(string html) => Editor.EditorSite.AntiforgeryToken(html);

    [Fact]
    public async Task The_cached_page_s_form_is_the_same_for_everyone_and_a_post_without_the_token_only_asks_to_confirm()
    {
        var id = await PublishedAsync(0);
        var page = await site.NewBrowser().GetAsync($"/hoi-dap/{id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("public", page.Headers.CacheControl?.ToString());
        Assert.Contains($"method=\"get\" action=\"/hoi-dap/{id}/y-kien\"", html);
        Assert.Contains("Câu trả lời này có hữu ích không?", html);
        Assert.DoesNotContain("__RequestVerificationToken", html);
        Assert.Equal(html, await site.NewBrowser().GetStringAsync($"/hoi-dap/{id}"));

        // Without the token (the cached form, or a forged cross-site post) nothing is stored: the visitor is asked to confirm.
        var browser = site.NewBrowser();
        var first = await browser.PostAsync($"/hoi-dap/{id}/y-kien", new FormUrlEncodedContent(new Dictionary<string, string> { [HelpfulVotes.Field] = "co" }));
        var confirmation = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("no-store", first.Headers.CacheControl?.ToString());
        Assert.Contains("Bạn đã chọn <strong>Có</strong>", confirmation);
        Assert.NotEmpty(EditorSiteToken(confirmation));
        Assert.Empty(await VotesAsync(id));
        // A token from another browser is no token either.
        var stranger = await site.NewBrowser().GetStringAsync($"/hoi-dap/{id}/y-kien");
        var forged = await browser.PostAsync($"/hoi-dap/{id}/y-kien", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = EditorSiteToken(stranger), [HelpfulVotes.Field] = "co",
        }));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        // Not a form at all: the same confirmation, never an error.
        var json = await browser.PostAsync($"/hoi-dap/{id}/y-kien", new StringContent("{\"huu-ich\":\"co\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Empty(await VotesAsync(id));
    }

    [Fact]
    public async Task A_confirmed_vote_is_stored_once_with_nothing_personal_and_the_cached_page_stays_as_it_was()
    {
        var id = await PublishedAsync(1);
        var before = await site.NewBrowser().GetAsync($"/hoi-dap/{id}");

        var browser = site.NewBrowser();
        var voted = await ConfirmAsync(browser, id, "co");
        Assert.Equal(HttpStatusCode.Redirect, voted.StatusCode);
        Assert.Equal($"/hoi-dap/{id}/y-kien/cam-on", voted.Headers.Location?.OriginalString);
        var token = voted.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(HelpfulVotesController.TokenCookie + "=")).Split(';', '=')[1];
        var thanks = await browser.GetAsync(voted.Headers.Location);
        Assert.Contains("Cảm ơn bạn đã góp ý.", await thanks.Content.ReadAsStringAsync());

        // The same browser again, the other way: thanked, and nothing changes.
        var again = await ConfirmAsync(browser, id, "khong");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var vote = Assert.Single(await VotesAsync(id));
        Assert.True(vote.Helpful);
        Assert.Equal(VietnamTime.Today(TimeProvider.System), vote.Day);
        Assert.Equal(HelpfulVotes.HashToken(id, token), vote.TokenHash);
        var columns = await site.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(HelpfulVote))!.GetProperties()
            .Select(p => p.GetColumnName()).Order().ToArray()));
        Assert.Equal(["Day", "Helpful", "Id", "SubmissionId", "TokenHash"], columns);

        // A vote is no change to the content: the public page keeps its version, and shows no count.
        var after = await site.NewBrowser().GetAsync($"/hoi-dap/{id}");
        Assert.Equal(before.Headers.ETag, after.Headers.ETag);
        Assert.DoesNotContain("% hữu ích", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_answer_the_public_cannot_see_takes_no_vote()
    {
        var waiting = await site.IdOfAsync(await site.AskAsync("Hỏi chưa được trả lời"));
        var browser = site.NewBrowser();
        foreach (var id in new[] { waiting, 999_999 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/hoi-dap/{id}/y-kien")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync($"/hoi-dap/{id}/y-kien",
                new FormUrlEncodedContent(new Dictionary<string, string> { [HelpfulVotes.Field] = "co" }))).StatusCode);
            var api = await browser.PostAsJsonAsync($"/api/v1/questions/{id}/votes", new { helpful = true, token = new string('a', 64) });
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }
        Assert.Empty(await VotesAsync(waiting));
    }

    [Fact]
    public async Task The_api_takes_a_vote_per_token_and_answers_bad_input_with_a_problem()
    {
        var id = await PublishedAsync(2);
        var client = site.CreateClient();
        var token = new string('d', 64);
        var first = await client.PostAsJsonAsync($"/api/v1/questions/{id}/votes", new { helpful = false, token });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recorded").GetBoolean());
        var second = await client.PostAsJsonAsync($"/api/v1/questions/{id}/votes", new { helpful = true, token });
        Assert.False((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recorded").GetBoolean());
        Assert.False(Assert.Single(await VotesAsync(id)).Helpful);

        var bad = await client.PostAsJsonAsync($"/api/v1/questions/{id}/votes", new { token = "ngan" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("helpful", out _));
        Assert.True(errors.TryGetProperty("token", out _));
        var broken = await client.PostAsync($"/api/v1/questions/{id}/votes", new StringContent("{\"helpful\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Single(await VotesAsync(id));

        // The counts are the officers': the public list of questions does not carry them.
        Assert.DoesNotContain("helpful", await client.GetStringAsync("/api/v1/questions?pageSize=50"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Officers_of_the_unit_see_the_counts_and_their_total_and_an_editor_of_another_unit_sees_nothing()
    {
        var id = await PublishedAsync(3);
        var (unit, title) = await site.WithDbAsync(db => db.Submissions.Where(s => s.Id == id)
            .Select(s => new ValueTuple<string, string>(s.Unit.Slug, s.Title)).SingleAsync());
        var client = site.CreateClient();
        foreach (var (helpful, token) in new[] { (true, 'e'), (true, 'f'), (false, 'g') })
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/questions/{id}/votes", new { helpful, token = new string(token, 64) })).StatusCode);

        await site.AddUserAsync("duyet-huu-ich@cchc.test", (unit, Content.Accounts.UnitRole.Approver));
        var officer = await site.SignedInAsync("duyet-huu-ich@cchc.test");
        var item = await officer.GetStringAsync($"/quan-tri/hoi-dap/{id}");
        Assert.Contains("2 có · 1 không · 67% hữu ích", item);
        var inbox = await officer.GetStringAsync($"/quan-tri/hoi-dap?don-vi={unit}&xem=Done&q={Uri.EscapeDataString(title)}");
        Assert.Contains("2 có · 1 không · 67% hữu ích", inbox);
        Assert.Contains("Tổng góp ý về các câu trả lời trong danh sách", inbox);

        var other = await site.WithDbAsync(db => db.Units.Where(u => u.Slug != unit && u.ParentId != null).Select(u => u.Slug).FirstAsync());
        await site.AddUserAsync("bien-tap-khac@cchc.test", (other, Content.Accounts.UnitRole.Editor));
        var stranger = await site.SignedInAsync("bien-tap-khac@cchc.test");
        var refused = await stranger.GetAsync($"/quan-tri/hoi-dap/{id}");
        Assert.Equal(Editor.Outcome.Forbidden, Editor.AuthorizationMatrix.Classify(refused, "-"));
        Assert.DoesNotContain("% hữu ích", await refused.Content.ReadAsStringAsync());
        Assert.Equal(3, (await VotesAsync(id)).Count);
    }
}

/// <summary>The votes' limit per address, the page and the API together.</summary>
public sealed class HelpfulVoteLimitTests(LimitedVoteSite site) : IClassFixture<LimitedVoteSite>
{
    [Fact]
    public async Task The_third_vote_in_a_minute_from_one_address_is_refused_by_the_page_and_the_api()
    {
        var id = await site.WithDbAsync(db => db.Submissions.PublishedQuestions().Select(s => s.Id).FirstAsync());
        var client = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/v1/questions/{id}/votes", new { helpful = true, token = new string('h', 64) })).StatusCode);
        var page = await site.NewBrowser().PostAsync($"/hoi-dap/{id}/y-kien", new FormUrlEncodedContent(new Dictionary<string, string> { [HelpfulVotes.Field] = "co" }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var limitedPage = await site.NewBrowser().PostAsync($"/hoi-dap/{id}/y-kien", new FormUrlEncodedContent(new Dictionary<string, string> { [HelpfulVotes.Field] = "co" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedPage.StatusCode);
        var limitedApi = await client.PostAsJsonAsync($"/api/v1/questions/{id}/votes", new { helpful = true, token = new string('i', 64) });
        Assert.Equal(HttpStatusCode.TooManyRequests, limitedApi.StatusCode);
        Assert.Equal("application/problem+json", limitedApi.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await site.WithDbAsync(db => db.HelpfulVotes.CountAsync(v => v.SubmissionId == id)));
    }
}
