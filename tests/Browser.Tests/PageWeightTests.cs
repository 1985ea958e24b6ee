using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CchcSite.Browser.Tests;

/// <summary>
/// What a citizen's phone downloads for a page, measured by the browser itself (Resource Timing's transferSize: headers
/// plus the body as it came over the wire, compressed), in a fresh context so nothing comes from its cache. The budget is
/// the delivery issue's: the page's HTML, CSS and JavaScript together within 15 KB. Images are listed but not budgeted:
/// they are the editors' content and load lazily.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class PageWeightTests(SiteFixture site, ITestOutputHelper output)
{
    private const int Budget = 15_000;

    [Theory]
    [InlineData(SamplePage.Home)]
    [InlineData(SamplePage.Unit)]
    [InlineData(SamplePage.Article)]
    public async Task Html_css_and_script_together_stay_within_the_budget(SamplePage sample)
    {
        var page = await site.NewPageAsync(width: 390, height: 844);
        try
        {
            var path = await site.PathOfAsync(sample);
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var entries = (await page.EvaluateAsync<JsonElement>("""
                () => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                    .map(e => ({ url: e.name, bytes: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))
                """)).EnumerateArray()
                .Select(e => new Entry(e.GetProperty("url").GetString()!, e.GetProperty("bytes").GetInt32(),
                    e.GetProperty("encoded").GetInt32(), e.GetProperty("decoded").GetInt32()))
                .ToList();
            foreach (var entry in entries)
                output.WriteLine($"{sample} {entry.Url}: {entry.Bytes} B on the wire, body {entry.Encoded} B of {entry.Decoded} B");

            Assert.All(entries, e => Assert.StartsWith(site.Origin, e.Url));
            // Compression is what keeps HTML within the budget: the page must have arrived compressed.
            Assert.True(entries[0].Encoded < entries[0].Decoded, $"{path} came uncompressed ({entries[0].Decoded} B).");
            var counted = entries.Where(e => e == entries[0] || IsStyleOrScript(e.Url)).ToList();
            Assert.Contains(counted, e => new Uri(e.Url).AbsolutePath.EndsWith(".css"));
            var total = counted.Sum(e => e.Bytes);
            Assert.True(total <= Budget, $"{path}: HTML, CSS and JavaScript weigh {total} B on the wire, over {Budget} B:\n"
                + string.Join("\n", counted.Select(e => $"{e.Bytes,7} B  {e.Url}")));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static bool IsStyleOrScript(string url) => new Uri(url).AbsolutePath is var path && (path.EndsWith(".css") || path.EndsWith(".js"));

    private sealed record Entry(string Url, int Bytes, int Encoded, int Decoded);
}
