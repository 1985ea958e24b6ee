using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Surveys;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Questions;

/// <summary>
/// One browser's answer to "Câu trả lời này có hữu ích không?" under a published answer of the Q&amp;A column. As anonymous
/// as a survey response: the answer, yes or no, the day, and the hash of the browser's token (for one vote per browser) —
/// no address, no user agent, no time of day.
/// </summary>
public class HelpfulVote
{
    public long Id { get; set; }
    public int SubmissionId { get; set; }
    public bool Helpful { get; set; }
    public DateOnly Day { get; set; }
    /// <summary><see cref="BrowserTokens.Hash"/> of the browser's token with the answer as its scope.</summary>
    public required string TokenHash { get; set; }
}

/// <summary>The votes an answer got, for its officers; never shown to the public.</summary>
public sealed record HelpfulCounts(int Yes, int No)
{
    public static readonly HelpfulCounts None = new(0, 0);

    public int Total => Yes + No;

    /// <summary>The share of votes that found the answer helpful, in whole percent; null before the first vote.</summary>
    public int? HelpfulPercent => Total == 0 ? null : (int)Math.Round(100.0 * Yes / Total, MidpointRounding.AwayFromZero);

    /// <summary>As officers read it: "12 có · 3 không · 80% hữu ích".</summary>
    public string Summary => HelpfulPercent is { } percent ? $"{Yes} có · {No} không · {percent}% hữu ích" : "Chưa có góp ý";
}

/// <summary>
/// The votes on published answers: the one way a vote is stored (one per browser and answer; the first stands, a second
/// changes nothing) and the counts officers see.
/// </summary>
public sealed class HelpfulVotes(CchcDbContext db, TimeProvider clock)
{
    public const string Question = "Câu trả lời này có hữu ích không?";
    public const string Thanks = "Cảm ơn bạn đã góp ý.";
    /// <summary>The form's field on the public pages: <see cref="Yes"/> or <see cref="No"/>.</summary>
    public const string Field = "huu-ich";
    public const string Yes = "co";
    public const string No = "khong";
    public const string NotFoundMessage = "Không có câu trả lời công khai này trong mục Hỏi – đáp.";

    /// <summary>What a vote keeps of its browser: the token's hash with the answer as its scope.</summary>
    public static string HashToken(int submissionId, string token) => BrowserTokens.Hash($"hoi-dap/{submissionId}", token);

    /// <summary>A browser's token is random: at least this long (the site's cookie holds 64 hex digits; an app its own).</summary>
    public const int MinTokenLength = 32;
    public const int MaxTokenLength = 200;

    /// <summary>
    /// Stores the browser's vote on a published answer: Ok(true) when stored, Ok(false) when this browser had already
    /// voted on it (the first vote stands, also when two arrive at once); NotFound for an answer the public cannot see.
    /// </summary>
    public async Task<Outcome<bool>> VoteAsync(int submissionId, bool? helpful, string? token, CancellationToken ct)
    {
        var errors = new List<KeyValuePair<string, string>>();
        if (helpful is null)
            errors.Add(new("helpful", "Vui lòng chọn Có hoặc Không."));
        if (token is null || token.Length < MinTokenLength || token.Length > MaxTokenLength)
            errors.Add(new("token", $"Mã của trình duyệt phải dài từ {MinTokenLength} đến {MaxTokenLength} ký tự."));
        if (errors.Count > 0)
            return Outcome<bool>.Invalid.Of(errors);
        if (!await db.Submissions.PublishedQuestions().AnyAsync(s => s.Id == submissionId, ct))
            return new Outcome<bool>.NotFound(NotFoundMessage);
        var hash = HashToken(submissionId, token!);
        if (await db.HelpfulVotes.AnyAsync(v => v.SubmissionId == submissionId && v.TokenHash == hash, ct))
            return new Outcome<bool>.Ok(false);
        var vote = new HelpfulVote { SubmissionId = submissionId, Helpful = helpful!.Value, Day = VietnamTime.DateOf(clock.GetUtcNow().UtcDateTime), TokenHash = hash };
        db.HelpfulVotes.Add(vote);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same browser's other vote won the unique index: one vote per browser, whatever the timing.
            db.Entry(vote).State = EntityState.Detached;
            return new Outcome<bool>.Ok(false);
        }
        return new Outcome<bool>.Ok(true);
    }

    /// <summary>The votes on all of <paramref name="submissionIds"/> together.</summary>
    public async Task<HelpfulCounts> TotalAsync(IQueryable<int> submissionIds, CancellationToken ct)
    {
        var votes = db.HelpfulVotes.AsNoTracking().Where(v => submissionIds.Contains(v.SubmissionId));
        return new HelpfulCounts(await votes.CountAsync(v => v.Helpful, ct), await votes.CountAsync(v => !v.Helpful, ct));
    }

    /// <summary>The counts of each of <paramref name="submissionIds"/>; an answer without votes has <see cref="HelpfulCounts.None"/>.</summary>
    public async Task<IReadOnlyDictionary<int, HelpfulCounts>> CountsAsync(IReadOnlyCollection<int> submissionIds, CancellationToken ct)
    {
        var rows = await db.HelpfulVotes.AsNoTracking().Where(v => submissionIds.Contains(v.SubmissionId))
            .GroupBy(v => v.SubmissionId)
            .Select(g => new { Id = g.Key, Yes = g.Count(v => v.Helpful), No = g.Count(v => !v.Helpful) })
            .ToListAsync(ct);
        var found = rows.ToDictionary(r => r.Id, r => new HelpfulCounts(r.Yes, r.No));
        return submissionIds.Distinct().ToDictionary(id => id, id => found.GetValueOrDefault(id, HelpfulCounts.None));
    }
}
