using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CchcSite.Web.Tests.Editor;

namespace CchcSite.Web.Tests.Questions;

/// <summary>An editor site whose submission limit is high enough for tests that all come from one address.</summary>
public partial class QuestionSite : EditorSite
{
    public const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    public const string OtherUnit = SeedFacts.Units.SoLdtbxhBinhDinh;
    public const string Field = "cai-cach-thu-tuc-hanh-chinh";

    protected virtual int SubmissionsPerHour => 100_000;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Questions:SubmissionsPerHour"] = SubmissionsPerHour.ToString();
            return settings;
        }
    }

    public static Dictionary<string, string> Question(string title) => new()
    {
        ["Name"] = "Trần Thị Bình", ["Email"] = "binh@example.vn", ["Phone"] = "0299 3862 555", ["Category"] = Field,
        ["Title"] = title, ["Text"] = "Xin hỏi thủ tục chuyển trường cho học sinh trung học cơ sở cần những giấy tờ gì?",
        ["PublishConsent"] = "true",
    };

    /// <summary>Opens the form, then posts it as a browser does: multipart, with the antiforgery token of that page.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, IDictionary<string, string> fields,
        (string FileName, byte[] Bytes)? file = null)
    {
        var form = await browser.GetStringAsync(path);
        var content = new MultipartFormDataContent { { new StringContent(AntiforgeryToken(form)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        if (file is { } f)
            content.Add(new ByteArrayContent(f.Bytes), "Attachment", f.FileName);
        var response = await browser.PostAsync(path, content);
        // A received submission answers with a redirect to its receipt (POST-redirect-GET); follow it as a browser does,
        // with this browser's cookies, which carry the receipt.
        if (response.StatusCode == System.Net.HttpStatusCode.SeeOther || response.StatusCode == System.Net.HttpStatusCode.Redirect)
        {
            Assert.Equal(CchcSite.Web.Site.SubmissionsController.ReceiptPath, response.Headers.Location?.OriginalString);
            return await browser.GetAsync(response.Headers.Location);
        }
        return response;
    }

    /// <summary>Sends a question through the unit's form and returns its tracking code.</summary>
    public async Task<string> AskAsync(string title, string unit = Unit)
    {
        var response = await PostFormAsync(NewBrowser(), $"/{unit}/gui-cau-hoi", Question(title));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        return CodeOf(html);
    }

    public static string CodeOf(string html) => Code().Match(html) is { Success: true } match ? match.Groups[1].Value
        : throw new InvalidOperationException("No tracking code on the page.");

    public Task<int> IdOfAsync(string code) => WithDbAsync(db => Task.FromResult(db.Submissions.Single(s => s.TrackingCode == code).Id));

    /// <summary>Posts one step of the inbox with the antiforgery token and version of the item's page.</summary>
    public static async Task<HttpResponseMessage> StepAsync(HttpClient officer, int id, string step, IDictionary<string, string>? fields = null)
    {
        var page = await officer.GetAsync($"/quan-tri/hoi-dap/{id}");
        var html = await page.Content.ReadAsStringAsync();
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["version"] = Version().Match(html).Groups[1].Value,
        };
        return await officer.PostAsync($"/quan-tri/hoi-dap/{id}/{step}", new FormUrlEncodedContent(values));
    }

    public static object ApiQuestion(string title, string unit = Unit) => new
    {
        unit, name = "Lê Văn Cường", email = "cuong@example.vn", category = Field, title, text = "Nội dung câu hỏi gửi qua API.", publishConsent = true,
    };

    public static Task<HttpResponseMessage> PostApiAsync(HttpClient client, object body, string path = "/api/v1/questions") =>
        client.PostAsJsonAsync(path, body);

    [GeneratedRegex("id=\"ma-tra-cuu\">([A-Z0-9]{10})<")]
    private static partial Regex Code();

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Version();
}
