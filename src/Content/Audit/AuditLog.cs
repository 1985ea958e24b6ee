using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Audit;

public sealed record AuditFilter(string? UserName, string? Action, DateOnly? From, DateOnly? To)
{
    public PageRequest Page { get; init; } = new(1, 50);
}

/// <summary>
/// Writes entries into the caller's unit of work, so an entry commits with the change it describes
/// (or not at all), and reads them for administrators.
/// </summary>
public sealed class AuditLog(CchcDbContext db, TimeProvider clock)
{
    /// <summary>The summary column's size: a summary quoting long text (a title and a note) is cut to it, which PostgreSQL would refuse.</summary>
    public const int MaxSummary = 1000;

    public void Record(Actor? actor, string action, string summary, string? itemType = null, string? itemId = null, int? unitId = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = actor?.UserId, UserName = actor?.UserName, Address = actor?.Address,
            Action = action, Summary = summary.Length <= MaxSummary ? summary : summary[..(MaxSummary - 1)] + "…",
            ItemType = itemType, ItemId = itemId, UnitId = unitId,
        });

    /// <summary>For events that change nothing else, such as a sign-in.</summary>
    public async Task RecordNowAsync(Actor? actor, string action, string summary, CancellationToken ct)
    {
        Record(actor, action, summary);
        await db.SaveChangesAsync(ct);
    }

    public Task<PagedResult<AuditEntry>> ListAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
            query = query.WhereContains(e => e.UserName, filter.UserName);
        if (!string.IsNullOrWhiteSpace(filter.Action))
            query = query.Where(e => e.Action == filter.Action);
        if (filter.From is { } from)
        {
            var start = Text.VietnamTime.StartOfDayUtc(from);
            query = query.Where(e => e.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = Text.VietnamTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        return query.OrderByDescending(e => e.Id).ToPageAsync(filter.Page, ct);
    }
}
