using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Dates are typed as dd/mm/yyyy and times as dd/mm/yyyy HH:mm in Vietnam time on every editor form, whatever the
/// browser's language, and stored as the instant they name; what cannot be read comes back as typed, in the form's
/// error summary.
/// </summary>
public sealed class VietnameseDateFormTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Unit = "so-gddt-soc-trang";

    [Fact]
    public async Task A_publish_time_typed_in_vietnam_time_is_stored_as_its_utc_instant_and_shown_as_typed()
    {
        await site.AddUserAsync("hen-gio@cchc.test", (Unit, UnitRole.Editor));
        var writer = await site.SignedInAsync("hen-gio@cchc.test");

        var created = await SaveAsync(writer, new()
        {
            ["Kind"] = "Document", ["Title"] = "Văn bản hẹn giờ đăng", ["BodyMarkdown"] = "Nội dung.",
            ["PublishAt"] = "15/06/2030 08:30", ["UnpublishAt"] = "1/1/2031 0:05", ["Document.IssuedOn"] = "5/3/2030",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        var id = int.Parse(editUrl[(editUrl.LastIndexOf('/') + 1)..]);
        var stored = await site.WithDbAsync(db => db.Posts.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.PublishAt, p.UnpublishAt, p.Document!.IssuedOn }).SingleAsync());
        Assert.Equal(new DateTime(2030, 6, 15, 1, 30, 0, DateTimeKind.Utc), stored.PublishAt);
        Assert.Equal(new DateTime(2030, 12, 31, 17, 5, 0, DateTimeKind.Utc), stored.UnpublishAt);
        Assert.Equal(new DateOnly(2030, 3, 5), stored.IssuedOn);
        var form = await writer.GetStringAsync(editUrl);
        Assert.Equal(("15/06/2030 08:30", "01/01/2031 00:05", "05/03/2030"),
            (InputValue(form, "PublishAt"), InputValue(form, "UnpublishAt"), InputValue(form, "Document.IssuedOn")));
        // A text input with the pattern and its hint, never the browser's locale-bound picker.
        Assert.DoesNotContain("type=\"datetime-local\"", form);
        Assert.DoesNotContain("type=\"date\"", form);
        var input = Regex.Match(form, "<input[^>]* name=\"PublishAt\"[^>]*>").Value;
        foreach (var attribute in new[] { "type=\"text\"", "placeholder=\"dd/mm/yyyy hh:mm\"", "aria-describedby=\"PublishAt-hint\"", "pattern=" })
            Assert.Contains(attribute, input);
        Assert.Contains("<p class=\"field-hint\" id=\"PublishAt-hint\">", form);
    }

    [Fact]
    public async Task A_time_that_cannot_be_read_saves_nothing_and_comes_back_as_typed_in_the_error_summary()
    {
        await site.AddUserAsync("sai-ngay@cchc.test", (Unit, UnitRole.Editor));
        var writer = await site.SignedInAsync("sai-ngay@cchc.test");
        var before = await site.WithDbAsync(db => db.Posts.CountAsync());

        var refused = await SaveAsync(writer, new()
        {
            ["Kind"] = "Document", ["Title"] = "Văn bản sai giờ", ["BodyMarkdown"] = "Nội dung.",
            ["PublishAt"] = "06/15/2030 8:30 PM", ["Document.IssuedOn"] = "31/02/2030",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(before, await site.WithDbAsync(db => db.Posts.CountAsync()));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<title>Lỗi: ", html);
        var summary = Regex.Match(html, "<div class=\"error-summary\"[^>]*tabindex=\"-1\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<h2 id=\"loi-tieu-de\">Chưa lưu được, vui lòng kiểm tra lại</h2>", summary);
        Assert.Contains("<a href=\"#PublishAt\" data-field=\"PublishAt\">Thời gian phải có dạng dd/mm/yyyy hh:mm (24 giờ), ví dụ 15/06/2027 08:30.</a>", summary);
        Assert.Contains("<a href=\"#Document_IssuedOn\" data-field=\"Document.IssuedOn\">Không có ngày 31/02/2030 trong lịch.</a>", summary);
        Assert.Equal(("06/15/2030 8:30 PM", "31/02/2030"), (InputValue(html, "PublishAt"), InputValue(html, "Document.IssuedOn")));
        var input = Regex.Match(html, "<input[^>]* name=\"PublishAt\"[^>]*>").Value;
        Assert.Contains("aria-describedby=\"PublishAt-hint PublishAt-error\"", input);
        Assert.Contains("aria-invalid=\"true\"", input);
        Assert.Contains("<p class=\"field-error\" id=\"PublishAt-error\">Thời gian phải có dạng", html);
    }

    [Fact]
    public async Task A_plan_issued_on_a_day_typed_as_dd_mm_yyyy_keeps_that_day()
    {
        const string planUnit = SeedFacts.Units.UbndPhuongThacMo;
        await site.AddUserAsync("lanh-dao-ngay@cchc.test", (planUnit, UnitRole.Approver));
        var approver = await site.SignedInAsync("lanh-dao-ngay@cchc.test");
        var newPlan = $"/quan-tri/ke-hoach/moi?don-vi={planUnit}";
        Task<HttpResponseMessage> Send(string issuedOn, string title) => EditorSite.PostFormAsync(approver, newPlan, new()
        {
            ["Year"] = "2031", ["IssuedOn"] = issuedOn, ["Title"] = title,
        });

        var refused = await Send("2031/03/20", "Kế hoạch ngày sai");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains("Ngày phải có dạng dd/mm/yyyy, ví dụ 15/06/2027.", html);
        Assert.False(await site.WithDbAsync(db => db.Plans.AnyAsync(p => p.Title == "Kế hoạch ngày sai")));

        var created = await Send("20/03/2031", "Kế hoạch ngày Việt Nam");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(new DateOnly(2031, 3, 20), await site.WithDbAsync(db => db.Plans.Where(p => p.Title == "Kế hoạch ngày Việt Nam").Select(p => p.IssuedOn).SingleAsync()));
        var planId = await site.WithDbAsync(db => db.Plans.Where(p => p.Title == "Kế hoạch ngày Việt Nam").Select(p => p.Id).SingleAsync());
        Assert.Equal("20/03/2031", InputValue(await approver.GetStringAsync($"/quan-tri/ke-hoach/{planId}/sua"), "IssuedOn"));
    }

    [Fact]
    public async Task The_audit_filter_reads_dd_mm_yyyy_and_old_yyyy_mm_dd_links_alike()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);

        var typed = await admin.GetStringAsync("/quan-tri/nhat-ky?tu-ngay=01/01/2020&den-ngay=31/12/2099");
        var old = await admin.GetStringAsync("/quan-tri/nhat-ky?tu-ngay=2020-01-01&den-ngay=2099-12-31");

        Assert.Equal(("01/01/2020", "31/12/2099"), (InputValue(typed, "tu-ngay"), InputValue(typed, "den-ngay")));
        Assert.Equal(("01/01/2020", "31/12/2099"), (InputValue(old, "tu-ngay"), InputValue(old, "den-ngay")));
        var wrong = await admin.GetStringAsync("/quan-tri/nhat-ky?tu-ngay=32/01/2020");
        Assert.Contains("<p class=\"field-error\" id=\"tu-ngay-error\">Không có ngày 32/01/2020 trong lịch.</p>", wrong);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient browser, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={Unit}");
        fields["Unit"] = Unit;
        fields["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(page);
        return await browser.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(fields));
    }

    private static string InputValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<input[^>]* name=\"{Regex.Escape(name)}\"[^>]* value=\"([^\"]*)\"").Groups[1].Value);
}
