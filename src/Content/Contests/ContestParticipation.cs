using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>How many entries a unit's civil servants sent in a time, and how many people sent them.</summary>
public sealed record UnitEntries(int Entries, int People)
{
    public static readonly UnitEntries None = new(0, 0);
}

/// <summary>
/// Each unit's part in online contests, the measure of the plan row "cử công chức, viên chức tham gia hội thi": entries
/// submitted in a time by participants who named the unit when they entered (only civil servants do), disqualified ones
/// not counted. A person who takes part in several rounds is one person with several entries.
/// </summary>
public sealed class ContestParticipation(CchcDbContext db)
{
    /// <summary>Per unit of <paramref name="unitIds"/> with any entry submitted from <paramref name="startUtc"/> until <paramref name="endUtc"/> (and before <paramref name="nowUtc"/>).</summary>
    public async Task<IReadOnlyDictionary<int, UnitEntries>> PerUnitAsync(IReadOnlyCollection<int> unitIds, DateTime startUtc, DateTime endUtc, DateTime nowUtc,
        CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var entries = await db.ContestAttempts.AsNoTracking()
            .Where(a => a.UnitId != null && ids.Contains(a.UnitId.Value) && a.SubmittedAt >= startUtc && a.SubmittedAt < endUtc && a.SubmittedAt < nowUtc
                        && a.DisqualifiedReason == null)
            .Select(a => new { UnitId = a.UnitId!.Value, a.Phone, a.Email }).ToListAsync(ct);
        return entries.GroupBy(e => e.UnitId).ToDictionary(g => g.Key,
            g => new UnitEntries(g.Count(), g.Select(e => e.Phone ?? e.Email).Distinct().Count()));
    }
}
