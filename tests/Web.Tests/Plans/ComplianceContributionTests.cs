using System.Text.RegularExpressions;
using CchcSite.Content.Accounts;
using CchcSite.Content.Contests;
using CchcSite.Content.Text;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Plans;

/// <summary>
/// The compliance page counts, per unit and year, the contest entries of the unit's civil servants and its posts a
/// parent's board accepted: the seeded 2022 sample contest, the seeded proposals of Phòng GDĐT Ngã Năm (one accepted in
/// 2021, one declined, one pending) and entries a test adds.
/// </summary>
public sealed partial class ComplianceContributionTests(EditorSite site) : IClassFixture<EditorSite>
{
    private static (int Entries, int People, int Accepted) Counts(string html, string unit)
    {
        var row = Regex.Match(html, $"<tr data-unit=\"{unit}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row for {unit}");
        var numbers = Numbers().Matches(row.Groups[1].Value).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        return (numbers[0], numbers[1], numbers[2]);
    }

    private Task<(int Entries, int People)> StoredAsync(string unit, int year) => site.WithDbAsync(async db =>
    {
        var (start, end) = (VietnamTime.StartOfDayUtc(new DateOnly(year, 1, 1)), VietnamTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1)));
        var phones = await db.ContestAttempts.Where(a => a.Unit!.Slug == unit && a.SubmittedAt >= start && a.SubmittedAt < end && a.DisqualifiedReason == null)
            .Select(a => a.Phone).ToListAsync();
        return (phones.Count, phones.Distinct().Count());
    });

    [Fact]
    public async Task Each_unit_shows_its_contest_entries_and_accepted_proposals_of_the_chosen_year()
    {
        await site.AddUserAsync("lanh-dao-tx-dong-gop@cchc.test", (SeedFacts.Units.UbndThiXaNgaNam, UnitRole.Approver));
        var browser = await site.SignedInAsync("lanh-dao-tx-dong-gop@cchc.test");

        // 2021: the one accepted proposal (the declined and the pending one do not count); no contest yet.
        var year2021 = await browser.GetStringAsync("/quan-tri/tuan-thu?nam=2021");
        Assert.Equal((0, 0, 1), Counts(year2021, SeedFacts.Units.PhongGddtNgaNam));
        Assert.Equal((0, 0, 0), Counts(year2021, SeedFacts.Units.UbndThiXaNgaNam));
        Assert.Equal((0, 0, 1), Counts(year2021, "total"));

        // 2022: the sample contest's entries, as stored; the sample gives the education office some.
        var phong = await StoredAsync(SeedFacts.Units.PhongGddtNgaNam, 2022);
        Assert.True(phong.Entries > 0);
        var town = await StoredAsync(SeedFacts.Units.UbndThiXaNgaNam, 2022);
        var year2022 = await browser.GetStringAsync("/quan-tri/tuan-thu?nam=2022");
        Assert.Equal((phong.Entries, phong.People, 0), Counts(year2022, SeedFacts.Units.PhongGddtNgaNam));
        Assert.Equal((town.Entries, town.People, 0), Counts(year2022, SeedFacts.Units.UbndThiXaNgaNam));
        Assert.DoesNotContain($"data-unit=\"{SeedFacts.Units.SoGddtSocTrang}\"", year2022);

        // Two more entries of a town civil servant in the sample's first round (one the organisers disqualified), one of a
        // citizen with no unit: the town counts one entry and one person more.
        await site.WithDbAsync(async db =>
        {
            var round = await db.ContestRounds.Where(r => r.Contest.Slug == "cuoc-thi-truc-tuyen-cchc-2022" && r.Number == 1).Select(r => new { r.Id, r.OpensAt }).SingleAsync();
            var townId = await db.Units.Where(u => u.Slug == SeedFacts.Units.UbndThiXaNgaNam).Select(u => u.Id).SingleAsync();
            ContestAttempt Entry(string phone, int? unitId, string? disqualified) => new()
            {
                RoundId = round.Id, Token = Guid.NewGuid(), FullName = "Trần Văn Bình", Phone = phone, UnitId = unitId, StartedAt = round.OpensAt.AddHours(2),
                SubmittedAt = round.OpensAt.AddHours(2).AddMinutes(5), Score = 7, DurationSeconds = 300, DisqualifiedReason = disqualified,
            };
            db.ContestAttempts.AddRange(Entry("0918111222", townId, null), Entry("0918111333", townId, "Dùng số điện thoại của người khác"), Entry("0918111444", null, null));
            return await db.SaveChangesAsync();
        });
        var after = await browser.GetStringAsync("/quan-tri/tuan-thu?nam=2022");
        Assert.Equal((town.Entries + 1, town.People + 1, 0), Counts(after, SeedFacts.Units.UbndThiXaNgaNam));
        var units = Regex.Matches(after, "<tr data-unit=\"([^\"]+)\">").Select(m => m.Groups[1].Value).Where(u => u != "total").ToList();
        Assert.Equal(units.Sum(u => Counts(after, u).Entries), Counts(after, "total").Entries);
    }

    [GeneratedRegex("<td class=\"num\"[^>]*>(\\d+)</td>")]
    private static partial Regex Numbers();
}
