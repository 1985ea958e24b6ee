using System.Net;

namespace CchcSite.Web.Tests.Editor;

public sealed class StrictLoginSite : EditorSite
{
    protected override int LoginAttemptsPerMinute => 3;
}

public sealed class LoginRateLimitTests(StrictLoginSite site) : IClassFixture<StrictLoginSite>
{
    [Fact]
    public async Task Too_many_login_attempts_from_one_address_get_429_with_a_vietnamese_message()
    {
        var browser = site.NewBrowser();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await EditorSite.LoginAsync(browser, "ai-do@cchc.test", "sai")).StatusCode);
        var refused = await EditorSite.LoginAsync(browser, EditorSite.AdminEmail, EditorSite.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("quá nhiều yêu cầu", await refused.Content.ReadAsStringAsync());
    }
}
