using System.Net;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// The seed's reception timetable for 2027 is dated ahead: the editor area lists it among the scheduled posts, not as
/// published, and its public address does not answer until its day (issue 22, part 4).
/// </summary>
public sealed class ScheduledSeedPostTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Title = "Thông báo lịch tiếp công dân định kỳ năm 2027";

    [Fact]
    public async Task The_seeded_post_dated_2027_is_listed_as_scheduled_and_not_public_yet()
    {
        var editor = await site.SignedInAsync(EditorSite.AdminEmail);

        var scheduled = WebUtility.HtmlDecode(await editor.GetStringAsync("/quan-tri?trang-thai=Scheduled"));
        var published = WebUtility.HtmlDecode(await editor.GetStringAsync("/quan-tri?trang-thai=Published"));

        Assert.Contains(Title, scheduled);
        Assert.DoesNotContain(Title, published);
        var citizen = site.NewBrowser();
        var search = WebUtility.HtmlDecode(await citizen.GetStringAsync("/so-gddt-soc-trang"));
        Assert.DoesNotContain(Title, search);
    }
}
