using System.Security.Cryptography;

namespace CchcSite.Web.Surveys;

/// <summary>
/// A browser's own random token, in a cookie: how a survey and the Q&amp;A column's "có hữu ích không?" know a browser that
/// answered before, without an account or its address. The database sees only its hash (<c>BrowserTokens.Hash</c>).
/// </summary>
public static class BrowserTokenCookie
{
    /// <summary>The token of cookie <paramref name="name"/>, or a new random one set now (a year, under <paramref name="path"/> only, not readable by script).</summary>
    public static string GetOrSet(HttpContext context, string name, string path)
    {
        if (context.Request.Cookies[name] is { Length: >= 32 } token)
            return token;
        token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(name, token, new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
            Path = path,
        });
        return token;
    }
}
