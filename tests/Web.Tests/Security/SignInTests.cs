using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Web.Editor;
using CchcSite.Web.Mail;
using CchcSite.Web.Tests.Editor;
using CchcSite.Web.Tests.Questions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// A clock the test moves forward. Only "now" moves: timers stay on the system clock, so the site's background
/// jobs run as they always do.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>An editor site whose clock the test moves and whose mail is recorded.</summary>
public sealed class SignInSite : EditorSite
{
    public MovableClock Clock { get; } = new();
    public RecordingSender Sender { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IMailSender>(Sender);
        });
    }

    /// <summary>The mail sent to one address so far, waiting a little for the background sender.</summary>
    public async Task<List<OutgoingMail>> MailToAsync(string email, int expected)
    {
        for (var waited = 0; waited < 50 && Sender.Sent.Count(m => m.To == email) < expected; waited++)
            await Task.Delay(100);
        return Sender.Sent.Where(m => m.To == email).ToList();
    }

    public Task SetActiveAsync(string email, bool active) => WithDbAsync(async db =>
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.IsActive = active;
        return await db.SaveChangesAsync();
    });
}

/// <summary>Finding 5, 10 and 11 of the security review, as the attacks were made.</summary>
public sealed class SignInTests(SignInSite site) : IClassFixture<SignInSite>
{
    private const string Wrong = "KhongPhaiMatKhau99";

    [Fact]
    public async Task An_unknown_address_a_deactivated_account_and_a_wrong_password_get_the_very_same_answer()
    {
        await site.AddUserAsync("co-that@cchc.test");
        await site.AddUserAsync("da-nghi@cchc.test");
        await site.SetActiveAsync("da-nghi@cchc.test", active: false);

        async Task<(HttpStatusCode, string)> AnswerAsync(string email, string password)
        {
            var response = await EditorSite.LoginAsync(site.NewBrowser(), email, password);
            var body = await response.Content.ReadAsStringAsync();
            // What differs by construction: the address typed back into the form, and the one-time antiforgery token.
            return (response.StatusCode, body.Replace(email, "EMAIL").Replace(EditorSite.AntiforgeryToken(body), "TOKEN"));
        }

        var unknown = await AnswerAsync("khong-ai@cchc.test", Wrong);
        // Even the right password of a deactivated account tells nothing more.
        var deactivated = await AnswerAsync("da-nghi@cchc.test", EditorSite.Password);
        var wrongPassword = await AnswerAsync("co-that@cchc.test", Wrong);

        Assert.Equal(HttpStatusCode.OK, unknown.Item1);
        Assert.Contains(EditorSignIn.Refused, unknown.Item2);
        Assert.Equal(unknown, deactivated);
        Assert.Equal(unknown, wrongPassword);
    }

    [Fact]
    public async Task Twenty_guesses_by_a_stranger_neither_lock_the_owner_out_nor_reveal_the_account()
    {
        await site.AddUserAsync("bi-do@cchc.test");
        var stranger = site.NewBrowser();
        for (var guess = 0; guess < 20; guess++)
        {
            var refused = await EditorSite.LoginAsync(stranger, "bi-do@cchc.test", Wrong + guess);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(EditorSignIn.Refused, await refused.Content.ReadAsStringAsync());
        }

        site.Clock.Advance(SignInDelay.Longest + TimeSpan.FromSeconds(1));
        var owner = await EditorSite.LoginAsync(site.NewBrowser(), "bi-do@cchc.test", EditorSite.Password);
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task The_right_password_is_refused_while_the_account_must_wait_and_accepted_after()
    {
        await site.AddUserAsync("cho-doi@cchc.test");
        for (var guess = 0; guess < SignInDelay.FreeFailures + 3; guess++)
        {
            await EditorSite.LoginAsync(site.NewBrowser(), "cho-doi@cchc.test", Wrong);
            site.Clock.Advance(SignInDelay.Longest);
        }
        await EditorSite.LoginAsync(site.NewBrowser(), "cho-doi@cchc.test", Wrong);

        var tooSoon = await EditorSite.LoginAsync(site.NewBrowser(), "cho-doi@cchc.test", EditorSite.Password);
        Assert.Contains(EditorSignIn.Refused, await tooSoon.Content.ReadAsStringAsync());
        site.Clock.Advance(SignInDelay.After(SignInDelay.FreeFailures + 4));
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.LoginAsync(site.NewBrowser(), "cho-doi@cchc.test", EditorSite.Password)).StatusCode);
    }

    [Fact]
    public async Task The_owner_is_told_by_mail_after_five_wrong_passwords_at_most_once_an_hour()
    {
        await site.AddUserAsync("duoc-bao@cchc.test");
        async Task GuessAsync()
        {
            await EditorSite.LoginAsync(site.NewBrowser(), "duoc-bao@cchc.test", Wrong);
            site.Clock.Advance(SignInDelay.Longest);
        }

        for (var guess = 1; guess < SignInNotices.Threshold; guess++)
            await GuessAsync();
        Assert.Empty(await site.MailToAsync("duoc-bao@cchc.test", expected: 0));
        await GuessAsync();
        var notice = Assert.Single(await site.MailToAsync("duoc-bao@cchc.test", expected: 1));
        Assert.Contains("5 lần liên tiếp", notice.Body);

        for (var guess = 0; guess < 5; guess++)
            await GuessAsync();
        await Task.Delay(500);
        Assert.Single(await site.MailToAsync("duoc-bao@cchc.test", expected: 1));

        site.Clock.Advance(TimeSpan.FromHours(1));
        await GuessAsync();
        Assert.Equal(2, (await site.MailToAsync("duoc-bao@cchc.test", expected: 2)).Count);
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_nothing_after_it()
    {
        await site.AddUserAsync("dang-xuat@cchc.test", (SeedFacts.Units.PhongGddtNgaNam, UnitRole.Editor));
        var browser = site.NewBrowser();
        var login = await EditorSite.LoginAsync(browser, "dang-xuat@cchc.test", EditorSite.Password);
        var copied = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cchc.editor=")).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copied)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.PostFormAsync(browser, "/quan-tri/dang-xuat", new())).StatusCode);

        var replayed = await ReplayAsync(copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/quan-tri/dang-nhap", replayed.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_session_ends_when_the_password_is_changed_elsewhere()
    {
        await site.AddUserAsync("hai-may@cchc.test", (SeedFacts.Units.PhongGddtNgaNam, UnitRole.Editor));
        var office = await site.SignedInAsync("hai-may@cchc.test");
        var home = await site.SignedInAsync("hai-may@cchc.test");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/quan-tri")).StatusCode);

        var changed = await ChangePasswordAsync(home, "Mot-Mat-Khau-Moi-Rat-Dai-48");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var stale = await office.GetAsync("/quan-tri");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/quan-tri/dang-nhap", stale.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await home.GetAsync("/quan-tri")).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_role_or_deactivating_an_account_ends_its_sessions()
    {
        var id = await site.AddUserAsync("mat-quyen@cchc.test", (SeedFacts.Units.PhongGddtNgaNam, UnitRole.Editor));
        var holder = await site.SignedInAsync("mat-quyen@cchc.test");
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var membershipId = await site.WithDbAsync(db => db.UnitMemberships.Where(m => m.UserId == id).Select(m => m.Id).SingleAsync());

        await EditorSite.PostFormAsync(admin, $"/quan-tri/nguoi-dung/vai-tro/{membershipId}/thu-hoi", new());
        Assert.Equal(HttpStatusCode.Redirect, (await holder.GetAsync("/quan-tri")).StatusCode);

        holder = await site.SignedInAsync("mat-quyen@cchc.test");
        var copied = await site.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        await EditorSite.PostFormAsync(admin, $"/quan-tri/nguoi-dung/{id}/kich-hoat", new() { ["active"] = "false" });
        Assert.NotEqual(copied, await site.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await holder.GetAsync("/quan-tri")).StatusCode);
    }

    [Theory]
    [InlineData("Password123", "danh sách mật khẩu phổ biến")]
    [InlineData("aaaaaaaaaA1", "ký tự lặp lại")]
    public async Task A_weak_password_is_refused_when_an_account_is_created_and_when_it_is_changed(string weak, string reason)
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var email = $"yeu-{weak.Length}-{weak[0]}@cchc.test";
        var created = await EditorSite.PostFormAsync(admin, "/quan-tri/nguoi-dung", new() { ["Email"] = email, ["FullName"] = "Mật khẩu yếu", ["Password"] = weak });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        Assert.Contains(reason, await created.Content.ReadAsStringAsync());
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        await site.AddUserAsync(email);
        var owner = await site.SignedInAsync(email);
        var changed = await ChangePasswordAsync(owner, weak);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(reason, await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSite.LoginAsync(site.NewBrowser(), email, EditorSite.Password)).StatusCode);
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        var attacker = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/quan-tri");
        request.Headers.Add("Cookie", cookie);
        return await attacker.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient browser, string next) => EditorSite.PostFormAsync(browser, "/quan-tri/doi-mat-khau", new()
    {
        ["CurrentPassword"] = EditorSite.Password, ["NewPassword"] = next, ["ConfirmPassword"] = next,
    });
}
