using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CchcSite.Content.Accounts;
using CchcSite.Testing.Hostile;
using CchcSite.Web.Tests.Editor;
using CchcSite.Web.Tests.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Issue 13, findings 3 and 13: what a writer puts in Markdown — an editor in a post, a hotline officer in an answer to a
/// citizen — must not style, position or re-identify the page, and must not make the reader's browser fetch from another
/// host, wherever it is shown: the public page, the print view and its downloaded copy, the editor area, the API.
/// </summary>
public sealed partial class MarkdownTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    private const string Unit = QuestionSite.Unit;
    private const string ExternalLink = "[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/p/home/dvc-trang-chu.html)";
    private const string ForeignImage = "![Sơ đồ quy trình](https://anh.evil.example/theo-doi.png)";

    public static TheoryData<string> AttributePayloads => new(HostileInputs.MarkdownAttributes);

    [Theory]
    [MemberData(nameof(AttributePayloads))]
    public async Task An_editors_post_with_the_attribute_syntax_styles_and_identifies_nothing(string payload)
    {
        var post = await PublishPostAsync(payload);

        foreach (var (where, html) in await PostViewsAsync(post))
            AssertNoWriterAttributes(where, html);
    }

    [Theory]
    [MemberData(nameof(AttributePayloads))]
    public async Task An_officers_answer_with_the_attribute_syntax_styles_and_identifies_nothing(string payload)
    {
        var answer = await PublishAnswerAsync(payload);

        foreach (var (where, html) in await AnswerViewsAsync(answer))
            AssertNoWriterAttributes(where, html);
    }

    [Fact]
    public async Task External_links_do_not_get_the_opener_and_answers_do_not_vouch_for_them()
    {
        var post = await PublishPostAsync(ExternalLink);
        var answer = await PublishAnswerAsync(ExternalLink);

        foreach (var (where, html) in await PostViewsAsync(post))
            Assert.True(html.Contains("href=\"https://dichvucong.gov.vn/p/home/dvc-trang-chu.html\" rel=\"noopener noreferrer\""), where);
        foreach (var (where, html) in await AnswerViewsAsync(answer))
            Assert.True(html.Contains("href=\"https://dichvucong.gov.vn/p/home/dvc-trang-chu.html\" rel=\"noopener noreferrer nofollow\""), where);
    }

    [Fact]
    public async Task An_image_from_another_host_is_not_loaded_by_the_page_the_download_or_the_api()
    {
        var post = await PublishPostAsync(ForeignImage);
        var answer = await PublishAnswerAsync(ForeignImage);

        foreach (var (where, html) in (await PostViewsAsync(post)).Concat(await AnswerViewsAsync(answer)))
        {
            Assert.False(Regex.IsMatch(html, "<img[^>]+evil\\.example"), $"{where} loads the foreign image");
            Assert.True(html.Contains("Ảnh ở trang ngoài: Sơ đồ quy trình"), where);
        }
        // The source is kept as written: only its rendering changed.
        Assert.Equal(ForeignImage, await site.WithDbAsync(db => db.Posts.Where(p => p.Id == post.Id).Select(p => p.BodyMarkdown).SingleAsync()));
    }

    [Fact]
    public async Task No_page_allows_inline_style_and_the_download_allows_only_its_own_style_element()
    {
        var post = await PublishPostAsync("Nội dung có **chữ đậm**.");
        var citizen = site.CreateClient();

        var page = await citizen.GetAsync(post.Url);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("style-src 'self';", policy);

        // Each twice: the second answer comes from the output cache and must carry the same policy.
        foreach (var url in new[] { $"{post.Url}/in", $"{post.Url}/in" })
        {
            var response = await citizen.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            var own = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.DoesNotContain("unsafe-inline", own);
            var style = StyleElement().Match(html);
            Assert.True(style.Success, url);
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value)));
            Assert.Contains($"style-src 'self' 'sha256-{hash}';", own);
            // Everything else stays as strict as the site's policy.
            Assert.Equal(policy, own.Replace($" 'sha256-{hash}'", ""));
        }
    }

    private sealed record PublishedPost(int Id, string Url);

    private sealed record PublishedAnswer(int Id, string Code);

    private async Task<PublishedPost> PublishPostAsync(string markdown)
    {
        var title = $"Bài thử Markdown {Guid.NewGuid():N}";
        var writer = await SignedInAsync(UnitRole.Editor);
        var created = await writer.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Unit"] = Unit, ["Kind"] = "Article", ["Title"] = title, ["BodyMarkdown"] = markdown,
            ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(await writer.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        await StepAsync(writer, editUrl, "Submit");
        await StepAsync(await SignedInAsync(UnitRole.Approver), editUrl, "Publish");
        var post = await site.WithDbAsync(db => db.Posts.Where(p => p.Title == title).Select(p => new { p.Id, p.Slug }).SingleAsync());
        return new PublishedPost(post.Id, $"/{Unit}/tin-tuc/{post.Slug}");
    }

    private static async Task StepAsync(HttpClient browser, string editUrl, string step)
    {
        var html = await browser.GetStringAsync(editUrl);
        var response = await browser.PostAsync($"{editUrl}/buoc/{step}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = VersionField().Match(html).Groups[1].Value, ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A citizen asks, a hotline officer answers with the Markdown, an approver publishes the answer.</summary>
    private async Task<PublishedAnswer> PublishAnswerAsync(string markdown)
    {
        var code = await site.AskAsync($"Câu hỏi thử Markdown {Guid.NewGuid():N}");
        var id = await site.IdOfAsync(code);
        var officer = await SignedInAsync(UnitRole.HotlineOfficer);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(officer, id, "tra-loi",
            new Dictionary<string, string> { ["answer"] = markdown })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await QuestionSite.StepAsync(await SignedInAsync(UnitRole.Approver), id, "cong-khai")).StatusCode);
        return new PublishedAnswer(id, code);
    }

    private async Task<HttpClient> SignedInAsync(UnitRole role)
    {
        var email = $"md-{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@cchc.test";
        await site.AddUserAsync(email, (Unit, role));
        return await site.SignedInAsync(email);
    }

    private async Task<List<(string Where, string Html)>> PostViewsAsync(PublishedPost post)
    {
        var citizen = site.CreateClient();
        var approver = await SignedInAsync(UnitRole.Approver);
        var api = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{post.Id}");
        return
        [
            ("the public page", await citizen.GetStringAsync(post.Url)),
            ("the print view", await citizen.GetStringAsync($"{post.Url}/in")),
            ("the editor's preview", await approver.GetStringAsync($"/quan-tri/bai-viet/{post.Id}/xem-truoc")),
            ("the API", api.GetProperty("bodyHtml").GetString()!),
        ];
    }

    private async Task<List<(string Where, string Html)>> AnswerViewsAsync(PublishedAnswer answer)
    {
        var citizen = site.CreateClient();
        var approver = await SignedInAsync(UnitRole.Approver);
        var tracked = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/submissions/{answer.Code}");
        var column = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/questions?unit={Unit}&pageSize=50");
        var listed = column.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("id").GetInt32() == answer.Id);
        return
        [
            ("the tracking page", await citizen.GetStringAsync($"/tra-cuu?ma={answer.Code}")),
            ("the question's page", await citizen.GetStringAsync($"/hoi-dap/{answer.Id}")),
            ("the unit's column", await citizen.GetStringAsync($"/{Unit}/hoi-dap")),
            ("the approver's inbox", await approver.GetStringAsync($"/quan-tri/hoi-dap/{answer.Id}")),
            ("the tracking API", tracked.GetProperty("answerHtml").GetString()!),
            ("the questions API", listed.GetProperty("answerHtml").GetString()!),
        ];
    }

    /// <summary>
    /// No element has a style attribute (the layouts have none either), no id appears twice, and the main-content id is
    /// the layout's. Read as a browser reads the page: the payloads may stay on it as text, which is harmless.
    /// </summary>
    private static void AssertNoWriterAttributes(string where, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var styled = document.All.FirstOrDefault(e => e.HasAttribute("style"));
        Assert.True(styled is null, $"{where} has a style attribute: {styled?.OuterHtml}");
        var repeated = document.All.Where(e => !string.IsNullOrEmpty(e.Id)).GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"{where} repeats the ids {string.Join(", ", repeated)}");
        Assert.True(document.GetElementById("noi-dung") is null or { LocalName: "main" }, $"{where} gives the main-content id to another element");
    }

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();
}
