using System.Net;
using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Editor;

/// <summary>A seeded site whose first administrator comes from configuration, as in the README.</summary>
public partial class EditorSite : SiteFactory
{
    public const string AdminEmail = "quantri@cchc.test";
    public const string Password = "MatKhau2026Manh";

    /// <summary>All tests come from one address; the limit per address has its own test.</summary>
    protected virtual int LoginAttemptsPerMinute => 1000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CCHC_ADMIN_EMAIL"] = AdminEmail,
        ["CCHC_ADMIN_PASSWORD"] = Password,
        ["Editor:LoginAttemptsPerMinute"] = LoginAttemptsPerMinute.ToString(),
    };

    /// <summary>Creates an account holding one role in each named unit.</summary>
    public async Task<string> AddUserAsync(string email, params (string UnitSlug, UnitRole Role)[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var db = scope.ServiceProvider.GetRequiredService<Content.Data.CchcDbContext>();
        var user = new EditorUser { UserName = email, Email = email, FullName = $"Cán bộ {email}" };
        foreach (var (slug, role) in roles)
            user.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = (await db.Units.SingleAsync(u => u.Slug == slug)).Id, Role = role });
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public HttpClient NewBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts the login form the way a browser does, antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(HttpClient browser, string email, string password)
    {
        var form = await browser.GetStringAsync("/quan-tri/dang-nhap");
        return await browser.PostAsync("/quan-tri/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = NewBrowser();
        var response = await LoginAsync(browser, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public static string AntiforgeryToken(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
