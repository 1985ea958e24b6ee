using System.Text.RegularExpressions;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Http;

/// <summary>Every public address of the seeded site, one of each kind, found from the site itself.</summary>
internal static partial class PublicRoutes
{
    public static async Task<List<string>> AllAsync(SiteFactory site, HttpClient client)
    {
        var post = await site.WithDbAsync(db => db.Posts
            .Where(p => p.Status == PostStatus.Published && p.PublishAt < DateTime.UtcNow && p.Kind == PostKind.Document)
            .Select(p => new { p.Id, Unit = p.Unit.Slug, p.Slug }).FirstAsync());
        var postUrl = PostKindSegments.PostUrl(post.Unit, PostKind.Document, post.Slug);
        var postHtml = await client.GetStringAsync(postUrl);
        var home = await client.GetStringAsync("/");
        var column = await client.GetStringAsync("/hoi-dap");
        var unit = SeedFacts.Units.SoGddtSocTrang;
        var question = First(QuestionLink(), column);
        List<string> routes =
        [
            "/", $"/{unit}", $"/{unit}/tin-tuc", $"/{unit}/van-ban?trang=1", postUrl, postUrl + "/in", postUrl + "/tai-ve",
            "/hoi-dap", $"/{unit}/hoi-dap", "/hoi-dap?q=bằng", question, question + "/y-kien?huu-ich=co", question + "/y-kien/cam-on",
            "/gui-cau-hoi", "/phan-anh-kien-nghi", $"/{unit}/gui-cau-hoi", $"/{unit}/phan-anh-kien-nghi", "/tra-cuu", "/tra-cuu?ma=KHONGCO",
            "/linh-vuc", First(CategoryLink(), home), "/tim-kiem?q=thủ tục", "/khong-co-trang-nay",
            "/api/v1/units", $"/api/v1/units/{unit}", "/api/v1/posts", $"/api/v1/posts?unit={unit}&page=1", $"/api/v1/posts/{post.Id}",
            $"/api/v1/units/{post.Unit}/posts/{post.Slug}", $"/api/v1/reports/{unit}?period=Year&year=2024", "/api/v1/search?q=thủ tục",
            "/api/v1/questions", "/api/v1/submissions/KHONGCO", "/api/v1/posts/999999", "/openapi/v1.json", "/healthz",
            Stylesheet(home), Script(home), "/quan-tri/dang-nhap",
        ];
        if (FileLink().Match(postHtml) is { Success: true } file)
            routes.Add(file.Value);
        return routes;
    }

    /// <summary>The address of the theme's stylesheet, as the page links it.</summary>
    public static string Stylesheet(string html) => First(StyleLink(), html);

    /// <summary>The address of the theme's script, as the page links it.</summary>
    public static string Script(string html) => First(ScriptLink(), html);

    private static string First(Regex pattern, string html) =>
        pattern.Match(html) is { Success: true } match ? match.Groups["url"].Value : throw new InvalidOperationException($"No {pattern} in the page.");

    [GeneratedRegex("href=\"(?<url>/hoi-dap/\\d+)\"")]
    private static partial Regex QuestionLink();

    [GeneratedRegex("href=\"(?<url>/linh-vuc/[a-z0-9-]+)\"")]
    private static partial Regex CategoryLink();

    [GeneratedRegex("href=\"(?<url>/_content/[^\"]+\\.css)\"")]
    private static partial Regex StyleLink();

    [GeneratedRegex("src=\"(?<url>/_content/[^\"]+\\.js)\"")]
    private static partial Regex ScriptLink();

    [GeneratedRegex("/tep/\\d+/[^\"?#]+")]
    private static partial Regex FileLink();
}
