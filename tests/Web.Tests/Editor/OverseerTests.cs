using System.Net;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// The Sở Nội vụ's overseer reads, through the oversight relation of seed/oversight.json, the units that report to it and
/// their sub-units; not a unit it does not oversee, and never the citizens' contact details.
/// </summary>
public sealed class OverseerTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Email = "giam-sat-snv@cchc.test";

    private async Task<HttpClient> OverseerAsync()
    {
        if (!await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == Email)))
            await site.AddUserAsync(Email, (SeedFacts.Units.SoNoiVuSocTrang, UnitRole.Overseer));
        return await site.SignedInAsync(Email);
    }

    private Task<int> DraftAsync(string unitSlug, string title) => site.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var post = new Post
        {
            UnitId = (await db.Units.SingleAsync(u => u.Slug == unitSlug)).Id, Kind = PostKind.Article, Slug = $"bai-{Guid.NewGuid():N}",
            Title = title, BodyMarkdown = "Nội dung bản nháp.", Status = PostStatus.Draft, AuthorId = "someone", LastEditorId = "someone",
            CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    [Fact]
    public async Task The_seed_has_an_overseer_account_for_each_Noi_vu_unit_and_the_units_they_oversee()
    {
        var seeded = await site.WithDbAsync(db => db.UnitMemberships.Where(m => m.Role == UnitRole.Overseer)
            .Join(db.Units, m => m.UnitId, u => u.Id, (m, u) => u.Slug).ToListAsync());
        Assert.Superset(new HashSet<string> { SeedFacts.Units.SoNoiVuSocTrang, SeedFacts.Units.SoNoiVuBinhDinh, SeedFacts.Units.PhongNoiVuNgaNam }, seeded.ToHashSet());
        var overseen = await site.WithDbAsync(db => db.UnitOversights.Select(o => new { Overseer = o.OverseerUnit.Slug, Unit = o.OverseenUnit.Slug }).ToListAsync());
        Assert.Contains(new { Overseer = SeedFacts.Units.SoNoiVuBinhDinh, Unit = SeedFacts.Units.SoLdtbxhBinhDinh }, overseen);
        Assert.Contains(new { Overseer = SeedFacts.Units.SoNoiVuSocTrang, Unit = SeedFacts.Units.SoGddtSocTrang }, overseen);
        Assert.Contains(new { Overseer = SeedFacts.Units.PhongNoiVuNgaNam, Unit = SeedFacts.Units.PhongGddtNgaNam }, overseen);
        // The publishing tree is untouched: the Sở GDĐT stays under the province, a sibling of the Sở Nội vụ.
        Assert.Equal(SeedFacts.Units.UbndTinhSocTrang, await site.WithDbAsync(db => db.Units.Where(u => u.Slug == SeedFacts.Units.SoGddtSocTrang).Select(u => u.Parent!.Slug).SingleAsync()));
    }

    [Fact]
    public async Task Reads_drafts_plans_and_reports_below_the_overseen_units_and_nothing_of_other_units()
    {
        // Phòng GDĐT Ngã Năm sits under UBND thị xã Ngã Năm, which the Sở Nội vụ Sóc Trăng oversees.
        var below = await DraftAsync(SeedFacts.Units.PhongGddtNgaNam, "Bản nháp của phòng dưới thị xã");
        var elsewhere = await DraftAsync(SeedFacts.Units.SoLdtbxhBinhDinh, "Bản nháp của sở tỉnh khác");
        var browser = await OverseerAsync();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/quan-tri/bai-viet/{below}/duyet")).StatusCode);
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/bai-viet/{elsewhere}/duyet"), "-"));
        var list = await browser.GetStringAsync("/quan-tri?trang-thai=Draft");
        Assert.Contains("Bản nháp của phòng dưới thị xã", list);
        Assert.DoesNotContain("Bản nháp của sở tỉnh khác", list);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/quan-tri/bao-cao?ky=Year&nam=2022&don-vi={SeedFacts.Units.SoTaiChinhSocTrang}")).StatusCode);
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/bao-cao?ky=Year&nam=2022&don-vi={SeedFacts.Units.SoLdtbxhBinhDinh}"), "-"));
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/bao-cao?ky=Year&nam=2022&don-vi={SeedFacts.Units.UbndTinhSocTrang}"), "-"));
        var plans = await browser.GetStringAsync("/quan-tri/ke-hoach");
        Assert.Contains(SeedFacts.Plans.SoTaiChinh2022To2030, plans);
        Assert.DoesNotContain(SeedFacts.Plans.SoLdtbxhBinhDinh2021, plans);
    }

    [Fact]
    public async Task Never_sees_the_citizens_inbox_nor_any_writing_link()
    {
        var browser = await OverseerAsync();
        // The Sở GDĐT's seeded questions carry the citizens' names and contacts: its inbox and each item are refused.
        var question = await site.WithDbAsync(db => db.Submissions.Where(s => s.Unit.Slug == SeedFacts.Units.SoGddtSocTrang).Select(s => s.Id).FirstAsync());
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/hoi-dap?don-vi={SeedFacts.Units.SoGddtSocTrang}"), "-"));
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(await browser.GetAsync($"/quan-tri/hoi-dap/{question}"), "-"));
        var home = await browser.GetStringAsync("/quan-tri");
        Assert.DoesNotContain("/quan-tri/hoi-dap", home);
        Assert.DoesNotContain("/quan-tri/bai-viet/moi", home);
        Assert.DoesNotContain("/quan-tri/thu-vien", home);
    }
}
