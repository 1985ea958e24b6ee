using System.Globalization;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>A submitted entry as the organisers see it: the person's full contact details, the score and any disqualification.</summary>
public sealed record OrganiserEntry(int AttemptId, int RoundNumber, string FullName, string? Phone, string? Email, string Place, int Score,
    int? Guess, int DurationSeconds, DateTime SubmittedAt, string? DisqualifiedReason);

/// <summary>
/// The organisers' side of a running contest: every submitted entry with its contact details (the organising unit holds
/// <see cref="Accounts.EditorAction.ManageContests"/>; the public results only ever show them masked), and disqualifying an
/// entry with a reason, audited. The ranking is read from the entries that stand, so it is recomputed by the next read.
/// </summary>
public sealed class ContestOrganising(CchcDbContext db, AuditLog audit, ContestSubmission submission, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> ExportColumns =
        ["Đợt", "Họ và tên", "Điện thoại", "Thư điện tử", "Đơn vị, địa chỉ", "Điểm", "Dự đoán", "Thời gian làm bài (giây)", "Nộp lúc", "Bị loại vì"];

    /// <summary>Every submitted entry, those whose time ran out unsent submitted first, as saved.</summary>
    public async Task<List<OrganiserEntry>> EntriesAsync(int contestId, CancellationToken ct)
    {
        if (await db.Contests.Where(c => c.Id == contestId).Select(c => (int?)c.TimeLimitSeconds).SingleOrDefaultAsync(ct) is { } limit)
            await submission.SubmitExpiredAsync(a => a.Round.ContestId == contestId, limit, clock.GetUtcNow().UtcDateTime, ct);
        return await db.ContestAttempts.AsNoTracking().Where(a => a.Round.ContestId == contestId && a.SubmittedAt != null)
            .OrderBy(a => a.Round.Number).ThenByDescending(a => a.Score).ThenBy(a => a.DurationSeconds).ThenBy(a => a.SubmittedAt)
            .Select(a => new OrganiserEntry(a.Id, a.Round.Number, a.FullName, a.Phone, a.Email, a.Unit != null ? a.Unit.Name : a.Address, a.Score ?? 0,
                a.Guess, a.DurationSeconds ?? 0, a.SubmittedAt!.Value, a.DisqualifiedReason)).ToListAsync(ct);
    }

    /// <summary>The export's rows, in the order of <see cref="ExportColumns"/>, times in Vietnam time.</summary>
    public static IEnumerable<IReadOnlyList<string?>> ExportRows(IEnumerable<OrganiserEntry> entries) =>
        entries.Select(e => (IReadOnlyList<string?>)
        [
            e.RoundNumber.ToString(CultureInfo.InvariantCulture), e.FullName, e.Phone, e.Email, e.Place, e.Score.ToString(CultureInfo.InvariantCulture),
            e.Guess?.ToString(CultureInfo.InvariantCulture), e.DurationSeconds.ToString(CultureInfo.InvariantCulture),
            Text.VietnamTime.FormatDateTime(e.SubmittedAt), e.DisqualifiedReason,
        ]);

    public async Task<Outcome<bool>> DisqualifyAsync(int contestId, int attemptId, string? reason, Actor actor, CancellationToken ct)
    {
        var attempt = await db.ContestAttempts.Include(a => a.Round).ThenInclude(r => r.Contest)
            .SingleOrDefaultAsync(a => a.Id == attemptId && a.Round.ContestId == contestId && a.SubmittedAt != null, ct);
        if (attempt is null)
            return new Outcome<bool>.NotFound("Không tìm thấy bài thi.");
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
            return new Outcome<bool>.Invalid("ly-do", "Vui lòng ghi lý do loại bài thi.");
        if (why.Length > 500)
            return new Outcome<bool>.Invalid("ly-do", "Lý do dài quá 500 ký tự.");
        if (attempt.DisqualifiedReason is not null)
            return new Outcome<bool>.Conflict("Bài thi này đã bị loại.");
        attempt.DisqualifiedReason = why;
        var contest = attempt.Round.Contest;
        audit.Record(actor, AuditActions.ContestEntryDisqualified,
            $"Loại bài thi số {attempt.Id} ({attempt.FullName}, đợt {attempt.Round.Number}, {attempt.Score} điểm) của hội thi “{contest.Title}”. Lý do: {why}",
            nameof(ContestAttempt), attempt.Id.ToString(CultureInfo.InvariantCulture), contest.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<bool>.Ok(true);
    }
}
