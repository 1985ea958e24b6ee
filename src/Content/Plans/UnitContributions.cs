using CchcSite.Content.Contests;
using CchcSite.Content.Data;
using CchcSite.Content.Proposals;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Plans;

/// <summary>A unit's contributions in a year beyond its own posts: entries in online contests and posts a parent's board chose.</summary>
public sealed record UnitContribution(int ContestEntries, int ContestPeople, int AcceptedUpward);

/// <summary>
/// What the compliance grid counts besides the monthly rule, per unit and calendar year in Vietnam time, up to now: plan
/// rows such as "cử công chức tham gia hội thi" (<see cref="ContestParticipation"/>) and "gửi tin, bài để Tổ Biên tập
/// thị xã xem xét duyệt đăng" (proposals the board accepted, counted in the year it decided).
/// </summary>
public sealed class UnitContributions(CchcDbContext db, ContestParticipation contests, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<int, UnitContribution>> OfYearAsync(IReadOnlyCollection<int> unitIds, int year, CancellationToken ct)
    {
        var (start, end, now) = (VietnamTime.StartOfDayUtc(new DateOnly(year, 1, 1)), VietnamTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1)), clock.GetUtcNow().UtcDateTime);
        var entries = await contests.PerUnitAsync(unitIds, start, end, now, ct);
        var ids = unitIds.ToList();
        var accepted = (await db.PostProposals.AsNoTracking()
                .Where(p => p.State == ProposalState.Accepted && ids.Contains(p.Post.UnitId) && p.DecidedAt >= start && p.DecidedAt < end && p.DecidedAt < now)
                .Select(p => p.Post.UnitId).ToListAsync(ct))
            .CountBy(id => id).ToDictionary();
        return unitIds.ToDictionary(id => id, id =>
        {
            var contest = entries.GetValueOrDefault(id) ?? UnitEntries.None;
            return new UnitContribution(contest.Entries, contest.People, accepted.GetValueOrDefault(id));
        });
    }
}
