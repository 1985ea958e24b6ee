using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Web.Tests.Editor;

namespace CchcSite.Web.Tests.Nodes;

/// <summary>
/// One browser in front of several nodes, as behind a reverse proxy: one cookie jar for every node (cookies do not tell
/// ports apart), a client per node's origin, no redirects followed.
/// </summary>
public sealed partial class NodeBrowser : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
    private readonly List<HttpClient> _clients = [];

    public HttpClient At(Uri origin)
    {
        var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = origin, Timeout = TimeSpan.FromSeconds(60) };
        _clients.Add(client);
        return client;
    }

    public static async Task SignInAsync(HttpClient node)
    {
        var response = await EditorSite.LoginAsync(node, EditorSite.AdminEmail, EditorSite.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Writes a draft through the editor area of <paramref name="node"/>; returns its editing address.</summary>
    public static async Task<string> CreateAsync(HttpClient node, string unit, string title, string token)
    {
        var created = await node.PostAsync("/quan-tri/bai-viet/moi", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Unit"] = unit, ["Kind"] = "Article", ["Title"] = title, ["Summary"] = "Bài viết kiểm tra nhiều máy chủ.",
            ["BodyMarkdown"] = $"Nội dung của bài **{title}**.", ["__RequestVerificationToken"] = token,
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"Creating \"{title}\" answered {(int)created.StatusCode}.");
        var editUrl = created.Headers.Location!.OriginalString;
        Assert.Matches("^/quan-tri/bai-viet/[0-9]+$", editUrl);
        return editUrl;
    }

    /// <summary>The antiforgery token of the new-post form of <paramref name="node"/>.</summary>
    public static async Task<string> NewPostTokenAsync(HttpClient node, string unit) =>
        EditorSite.AntiforgeryToken(await node.GetStringAsync($"/quan-tri/bai-viet/moi?don-vi={unit}"));

    /// <summary>Writes, submits and publishes a post as the administrator; returns its id.</summary>
    public static async Task<int> PublishAsync(HttpClient node, string unit, string title)
    {
        var editUrl = await CreateAsync(node, unit, title, await NewPostTokenAsync(node, unit));
        foreach (var step in new[] { "Submit", "Publish" })
        {
            var html = await node.GetStringAsync(editUrl);
            var response = await node.PostAsync($"{editUrl}/buoc/{step}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["version"] = VersionField().Match(html).Groups[1].Value, ["__RequestVerificationToken"] = EditorSite.AntiforgeryToken(html),
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step} of \"{title}\" answered {(int)response.StatusCode}.");
        }
        return int.Parse(editUrl[(editUrl.LastIndexOf('/') + 1)..]);
    }

    /// <summary>How many posts the search API finds for <paramref name="word"/>.</summary>
    public static async Task<int> SearchCountAsync(HttpClient node, string word)
    {
        using var json = JsonDocument.Parse(await node.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString(word)}"));
        return json.RootElement.GetProperty("hits").GetProperty("totalCount").GetInt32();
    }

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();

    public void Dispose()
    {
        foreach (var client in _clients)
            client.Dispose();
        _handler.Dispose();
    }
}
