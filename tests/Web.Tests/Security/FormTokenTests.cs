using System.Text.RegularExpressions;
using CchcSite.Web.Tests.Editor;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Every form that posts carries its own antiforgery token. A form with an explicit <c>action</c> gets none from the
/// form tag helper unless it asks (<c>asp-antiforgery</c>); the HTTP tests post with a token taken from another page, so
/// they cannot see a form that lacks one — a real browser gets 400. This walks the editor area as an administrator
/// (the navigation, then one more link deep) and the public pages, and reads every form on every page.
/// </summary>
public sealed partial class FormTokenTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task Every_post_form_on_the_editor_and_public_pages_carries_its_own_token()
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        var missing = new List<string>();
        var pages = 0;
        foreach (var (client, start, scope) in new[] { (admin, "/quan-tri", "/quan-tri"), (site.NewBrowser(), "/" + SeedFacts.Units.PhongGddtNgaNam, "/") })
        {
            var seen = new HashSet<string>();
            var queue = new Queue<(string Path, int Depth)>([(start, 0)]);
            while (queue.TryDequeue(out var item) && seen.Count < 250)
            {
                if (!seen.Add(item.Path))
                    continue;
                using var response = await client.GetAsync(item.Path);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
                    continue;
                var html = await response.Content.ReadAsStringAsync();
                pages++;
                foreach (Match form in PostForm().Matches(html))
                    if (!form.Value.Contains("name=\"__RequestVerificationToken\"") && !TokenLinkForm().IsMatch(form.Value))
                        missing.Add($"{item.Path}: {form.Value[..Math.Min(160, form.Value.Length)]}");
                if (item.Depth < 2)
                    foreach (Match link in Link().Matches(html))
                        if (link.Groups[1].Value is var path && path.StartsWith(scope) && !path.Contains("dang-xuat") && !seen.Contains(path))
                            queue.Enqueue((System.Net.WebUtility.HtmlDecode(path), item.Depth + 1));
            }
        }

        Assert.True(pages > 60, $"Only {pages} pages were read; the walk should reach the editor area's lists and forms.");
        Assert.True(missing.Count == 0, $"Forms without their own antiforgery token:\n{string.Join("\n", missing)}");
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    /// <summary>Unsubscribing by the link in a message: the signed token in its address is the proof, not a cookie.</summary>
    [GeneratedRegex("<form[^>]*action=\"[^\"]*\\?t=", RegexOptions.IgnoreCase)]
    private static partial Regex TokenLinkForm();

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();
}
