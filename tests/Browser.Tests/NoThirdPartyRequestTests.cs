using Microsoft.Playwright;

namespace CchcSite.Browser.Tests;

/// <summary>
/// A government portal sends its visitors to no one else: no CDN, font service, analytics or embed.
/// The site's content security policy would block such requests in the browser and so hide them, so
/// these loads bypass it: what is checked is what the pages ask for, not what the policy lets through.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class NoThirdPartyRequestTests(SiteFixture site)
{
    [Fact]
    public async Task Pages_request_nothing_but_the_site_itself()
    {
        var requests = new List<(string Page, string Url)>();
        var failures = new List<string>();
        var page = await site.NewPageAsync(bypassCsp: true);
        var current = "";
        page.Context.Request += (_, request) => requests.Add((current, request.Url));
        page.Context.Response += (_, response) =>
        {
            if (response.Status >= 400)
                lock (failures) failures.Add($"{current}: {response.Status} {response.Url}");
        };

        foreach (var sample in Enum.GetValues<SamplePage>())
        {
            current = await site.PathOfAsync(sample);
            await page.GotoAsync(current, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            // Lazy images below the fold load only when scrolled to.
            await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.NotEmpty(requests);
        // data: and blob: URLs never leave the page; every request that goes out must go to the test server.
        var elsewhere = requests
            .Where(r => Uri.TryCreate(r.Url, UriKind.Absolute, out var uri) && uri.Scheme is not ("data" or "blob"))
            .Where(r => new Uri(r.Url).GetLeftPart(UriPartial.Authority) != site.Origin)
            .Select(r => $"{r.Page} → {r.Url}")
            .Distinct()
            .ToList();
        Assert.True(elsewhere.Count == 0, $"Requests left {site.Origin}:\n{string.Join("\n", elsewhere)}");
        Assert.True(failures.Count == 0, $"Requests the pages make that fail:\n{string.Join("\n", failures)}");
    }
}
