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

    public Task<string> AddUserAsync(string email, params (string UnitSlug, UnitRole Role)[] roles) => AddUserAsync(email, Password, roles);

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

    /// <summary>
    /// Posts a form as a browser would, with an antiforgery token from a page this browser may open: any editor-area
    /// form carries one, and the sign-in page is the one an anonymous visitor can open.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        var page = await browser.GetAsync("/quan-tri/doi-mat-khau");
        var html = page.IsSuccessStatusCode ? await page.Content.ReadAsStringAsync() : await browser.GetStringAsync("/quan-tri/dang-nhap");
        fields["__RequestVerificationToken"] = AntiforgeryToken(html);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
