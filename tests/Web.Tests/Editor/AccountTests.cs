using System.Net;
using CchcSite.Web.Editor;

namespace CchcSite.Web.Tests.Editor;

public sealed class AccountTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task The_editor_area_sends_strangers_to_the_login_page()
    {
        var response = await site.NewBrowser().GetAsync("/quan-tri");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/quan-tri/dang-nhap", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_configured_administrator_signs_in_and_sees_every_units_posts_in_every_state()
    {
        var browser = await site.SignedInAsync(EditorSite.AdminEmail);
        var dashboard = await browser.GetStringAsync("/quan-tri?trang-thai=Draft");
        Assert.Contains("quản trị hệ thống", dashboard);
        Assert.Contains("Bản nháp", dashboard);
        Assert.Contains("Phòng GDĐT", dashboard);
        Assert.Contains("Sở LĐ-TB&amp;XH", dashboard);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var response = await EditorSite.LoginAsync(site.NewBrowser(), EditorSite.AdminEmail, EditorSite.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cchc.editor="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_gets_the_one_vietnamese_message_every_failure_gets()
    {
        await site.AddUserAsync("khoa@cchc.test");
        var failed = await EditorSite.LoginAsync(site.NewBrowser(), "khoa@cchc.test", "sai-mat-khau");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains(EditorSignIn.Refused, await failed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_login_without_the_antiforgery_token_is_refused()
    {
        var response = await site.NewBrowser().PostAsync("/quan-tri/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = EditorSite.AdminEmail, ["Password"] = EditorSite.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Empty_fields_get_vietnamese_validation_messages()
    {
        var browser = site.NewBrowser();
        var response = await EditorSite.LoginAsync(browser, "", "");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập địa chỉ thư điện tử.", html);
        Assert.Contains("Vui lòng nhập mật khẩu.", html);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in_and_loses_its_open_session()
    {
        var id = await site.AddUserAsync("nghi-viec@cchc.test", (SeedFacts.Units.PhongGddtNgaNam, Content.Accounts.UnitRole.Editor));
        var browser = await site.SignedInAsync("nghi-viec@cchc.test");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/quan-tri")).StatusCode);

        await site.WithDbAsync(async db =>
        {
            var user = await db.Users.FindAsync(id);
            user!.IsActive = false;
            return await db.SaveChangesAsync();
        });

        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/quan-tri")).StatusCode);
        var again = await EditorSite.LoginAsync(site.NewBrowser(), "nghi-viec@cchc.test", EditorSite.Password);
        // The same answer as a wrong password: a stranger must not learn that the account exists.
        Assert.Contains(EditorSignIn.Refused, await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_the_password_checks_the_current_one_and_the_policy()
    {
        await site.AddUserAsync("doi-mk@cchc.test");
        var browser = await site.SignedInAsync("doi-mk@cchc.test");
        async Task<HttpResponseMessage> ChangeAsync(string current, string next)
        {
            var form = await browser.GetStringAsync("/quan-tri/doi-mat-khau");
            return await browser.PostAsync("/quan-tri/doi-mat-khau", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next,
                ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(form),
            }));
        }

        Assert.Contains("Mật khẩu hiện tại không đúng.", await (await ChangeAsync("sai", "MatKhauMoi2026X")).Content.ReadAsStringAsync());
        Assert.Contains("ít nhất 10 ký tự", await (await ChangeAsync(EditorSite.Password, "Ngan1")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(EditorSite.Password, "MatKhauMoi2026X")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.LoginAsync(site.NewBrowser(), "doi-mk@cchc.test", "MatKhauMoi2026X")).StatusCode);
    }
}
