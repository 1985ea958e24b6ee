using System.Net;
using CchcSite.Content.Accounts;

namespace CchcSite.Web.Tests.Editor;

/// <summary>An editor of one unit sees that unit's drafts and nothing of another unit's.</summary>
public sealed class UnitIsolationTests(EditorSite site) : IClassFixture<EditorSite>
{
    [Fact]
    public async Task An_editor_lists_only_their_own_units_posts()
    {
        await site.AddUserAsync("bt-nga-nam@cchc.test", (SeedFacts.Units.PhongGddtNgaNam, UnitRole.Editor));
        var browser = await site.SignedInAsync("bt-nga-nam@cchc.test");

        var drafts = await browser.GetStringAsync("/quan-tri?trang-thai=Draft");
        Assert.Contains("Phòng GDĐT", drafts);
        Assert.DoesNotContain("Sở LĐ-TB&amp;XH", drafts);
        var all = await browser.GetStringAsync("/quan-tri");
        Assert.DoesNotContain(SeedFacts.UnitNames.SoGddtSocTrangShort, all);
        Assert.Contains("Biên tập viên", all);
    }

    [Theory]
    [InlineData(SeedFacts.Units.SoLdtbxhBinhDinh)]
    [InlineData(SeedFacts.Units.UbndThiXaNgaNam)] // the parent unit: a role in a child gives nothing upwards
    public async Task Asking_for_another_units_list_is_refused(string otherUnit)
    {
        await site.AddUserAsync($"bt-{otherUnit}@cchc.test", (SeedFacts.Units.PhongGddtNgaNam, UnitRole.Editor));
        var browser = await site.SignedInAsync($"bt-{otherUnit}@cchc.test");
        var response = await browser.GetAsync($"/quan-tri?don-vi={otherUnit}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/quan-tri/khong-co-quyen", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_hotline_officer_reads_no_drafts()
    {
        await site.AddUserAsync("tiep-nhan@cchc.test", (SeedFacts.Units.PhongGddtNgaNam, UnitRole.HotlineOfficer));
        var browser = await site.SignedInAsync("tiep-nhan@cchc.test");
        // Their home is the inbox of questions; asked for, the list of posts has none for them.
        var home = await browser.GetAsync("/quan-tri");
        Assert.Equal("/quan-tri/hoi-dap", home.Headers.Location?.OriginalString);
        Assert.Contains("0 bài viết", await browser.GetStringAsync("/quan-tri?trang-thai=Draft"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/quan-tri?don-vi={SeedFacts.Units.PhongGddtNgaNam}")).StatusCode);
    }
}
