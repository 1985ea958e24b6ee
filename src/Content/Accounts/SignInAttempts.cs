using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Accounts;

/// <summary>
/// How long an account makes the next sign-in wait after consecutive wrong passwords: nothing for the first
/// three, then 1, 2, 4, 8… seconds, never more than a minute. This replaces Identity's lock-out, which let
/// anyone who knows an address lock its owner out for 15 minutes at will; a minute at most still turns an
/// online guess into a slow one (about 1,400 a day per account, before the per-address limit).
/// </summary>
public static class SignInDelay
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    public static TimeSpan After(int consecutiveFailures) => consecutiveFailures <= FreeFailures
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(consecutiveFailures - FreeFailures - 1, 30)), Longest.TotalSeconds));
}

/// <summary>
/// Keeps the per-account throttle in Identity's own columns, so the model does not change:
/// <see cref="Microsoft.AspNetCore.Identity.IdentityUser{TKey}.AccessFailedCount"/> counts consecutive wrong
/// passwords and <see cref="Microsoft.AspNetCore.Identity.IdentityUser{TKey}.LockoutEnd"/> is the time before
/// which the next attempt is refused (no longer a lock: at most <see cref="SignInDelay.Longest"/> away).
/// </summary>
public sealed class SignInAttempts(CchcDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Matches no account: a failure that is not counted runs the very same statements as one that is.</summary>
    private const string NoAccount = "";

    public bool MustWait(EditorUser user) => user.LockoutEnd is { } until && until > clock.GetUtcNow();

    /// <summary>
    /// Records a failed attempt and, when <paramref name="counted"/> is an account, counts it and sets the delay
    /// before its next attempt. Returns the account's consecutive failures (0 when none was counted).
    /// </summary>
    public async Task<int> RecordFailureAsync(EditorUser? counted, Actor actor, string summary, CancellationToken ct)
    {
        var id = counted?.Id ?? NoAccount;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Incremented in the database, not from the value read earlier: parallel guesses must each count.
        await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), ct);
        var failures = await db.Users.Where(u => u.Id == id).Select(u => u.AccessFailedCount).FirstOrDefaultAsync(ct);
        DateTimeOffset? until = clock.GetUtcNow() + SignInDelay.After(failures);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LockoutEnd, until), ct);
        audit.Record(actor, AuditActions.SignInFailed, summary);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return failures;
    }

    public async Task RecordSuccessAsync(EditorUser user, Actor actor, CancellationToken ct)
    {
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), ct);
        await audit.RecordNowAsync(actor, AuditActions.SignedIn, "Đăng nhập thành công", ct);
    }
}
