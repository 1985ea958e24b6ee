using System.Net;
using System.Text.RegularExpressions;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Issue 14 part 3: the editor area's lists read "trang" as typed, like the public pages. A number past the int range
/// is a page past the end (an empty list), never page 1, which the old int binding silently showed.
/// </summary>
public sealed partial class EditorPagingTests(EditorSite site) : IClassFixture<EditorSite>
{
    [GeneratedRegex("<tbody>(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex Body();

    [GeneratedRegex("/quan-tri/thu-vien/[0-9]")]
    private static partial Regex LibraryFile();

    /// <summary>The list's entries: table rows, or the files of a library.</summary>
    private static int Rows(string html) =>
        (Body().Match(html) is { Success: true } body ? Regex.Count(body.Groups[1].Value, "<tr") : 0) + LibraryFile().Count(html);

    [Theory]
    [InlineData("/quan-tri", "?")]
    [InlineData("/quan-tri/nhat-ky", "?")]
    [InlineData("/quan-tri/hoi-dap?xem=All", "&")]
    [InlineData("/quan-tri/thu-vien?don-vi=so-gddt-soc-trang", "&")]
    public async Task A_page_past_the_int_range_is_an_empty_page_not_page_one(string list, string join)
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);
        // Something on page 1 to tell the two apart: a sign-in for the log, a post, a question and a file of the seed.
        var first = await admin.GetStringAsync(list);
        Assert.True(Rows(first) > 0, $"{list} shows nothing on page 1");

        foreach (var page in new[] { "2147483648", "99999999999999999999" })
        {
            var response = await admin.GetAsync($"{list}{join}trang={page}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(0, Rows(html));
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("0")]
    public async Task A_page_that_is_no_page_number_is_page_one(string page)
    {
        var admin = await site.SignedInAsync(EditorSite.AdminEmail);

        var html = await admin.GetStringAsync($"/quan-tri/nhat-ky?trang={page}");

        Assert.True(Rows(html) > 0);
    }
}
