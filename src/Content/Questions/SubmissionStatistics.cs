using CchcSite.Content.Data;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Questions;

/// <summary>
/// Of the submissions received in a period: how many, how many answered by their deadline, answered after it, and
/// still waiting. Rejected and merged items count as received only: they need no answer of their own.
/// </summary>
public sealed record SubmissionCounts(int Received, int AnsweredOnTime, int AnsweredLate, int Pending, int Rejected)
{
    public static readonly SubmissionCounts None = new(0, 0, 0, 0, 0);
}

/// <summary>Counts for the periodic reports, per unit(s), period and kind.</summary>
public sealed class SubmissionStatistics(CchcDbContext db)
{
    /// <summary>
    /// Submissions handled now by one of <paramref name="unitIds"/> and received from <paramref name="from"/> to
    /// <paramref name="to"/> (Vietnamese calendar days, both included); both kinds when <paramref name="kind"/> is null.
    /// An answer is on time when it reached the citizen (published or sent) on or before the due day.
    /// </summary>
    public async Task<SubmissionCounts> CountAsync(IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, SubmissionKind? kind, CancellationToken ct)
    {
        var start = VietnamTime.StartOfDayUtc(from);
        var end = VietnamTime.StartOfDayUtc(to.AddDays(1));
        var query = db.Submissions.AsNoTracking().Where(s => unitIds.Contains(s.UnitId) && s.ReceivedAt >= start && s.ReceivedAt < end);
        if (kind is { } k)
            query = query.Where(s => s.Kind == k);
        var rows = await query.Select(s => new { s.Status, s.AnsweredAt, s.DueOn }).ToListAsync(ct);
        var answered = rows.Where(r => r.Status.HasPublicAnswer() && r.AnsweredAt is not null).ToList();
        var onTime = answered.Count(r => VietnamTime.DateOf(r.AnsweredAt!.Value) <= r.DueOn);
        return new SubmissionCounts(
            rows.Count, onTime, answered.Count - onTime,
            rows.Count(r => r.Status.IsOpen()),
            rows.Count(r => r.Status is SubmissionStatus.Rejected or SubmissionStatus.Merged));
    }
}
