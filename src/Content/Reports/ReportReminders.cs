using CchcSite.Content.Data;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Reports;

/// <summary>One reminder to send: the unit that owes the report, the period, and whether it is due soon or late.</summary>
public sealed record DueReminder(UnitRef Unit, ReportPeriod Period, ReportReminderKind Kind);

/// <summary>
/// Which units to remind of the reports they owe their overseeing unit, and the claim that makes each reminder go once.
/// A unit owes a report when a unit oversees it directly (the overseer's inbox lists it); it owes none for a period it
/// has sent a report for, in any version.
/// </summary>
public sealed class ReportReminders(CchcDbContext db, TimeProvider clock, IOptions<ReportReminderOptions> options)
{
    /// <summary>The periods whose reminder falls on <paramref name="today"/> (a Vietnamese calendar day), with its kind.</summary>
    public static IEnumerable<(ReportPeriod Period, ReportReminderKind Kind)> PeriodsOn(DateOnly today, int leadDays, int lateWithinDays)
    {
        // A due day lies in the year of its period; a late reminder of December's may fall in January.
        foreach (var period in ReportPeriod.SendableIn(today.Year - 1).Concat(ReportPeriod.SendableIn(today.Year)))
        {
            var daysLeft = period.DueOn!.Value.DayNumber - today.DayNumber;
            if (daysLeft >= 0 && daysLeft <= leadDays)
                yield return (period, ReportReminderKind.DueSoon);
            else if (daysLeft < 0 && -daysLeft <= lateWithinDays)
                yield return (period, ReportReminderKind.Late);
        }
    }

    /// <summary>The reminders due now and not sent yet.</summary>
    public async Task<IReadOnlyList<DueReminder>> DueAsync(CancellationToken ct)
    {
        var owed = await OwedAsync(null, ct);
        if (owed.Count == 0)
            return [];
        var unitIds = owed.Select(r => r.Unit.Id).Distinct().ToList();
        var years = owed.Select(r => r.Period.From.Year).Distinct().ToList();
        var reminded = (await db.ReportReminders.AsNoTracking().Where(r => unitIds.Contains(r.UnitId) && years.Contains(r.Year))
            .Select(r => new { r.UnitId, r.PeriodKind, r.Year, r.Quarter, r.Kind }).ToListAsync(ct))
            .Select(r => (r.UnitId, r.PeriodKind, r.Year, r.Quarter, r.Kind)).ToHashSet();
        return owed.Where(r => !reminded.Contains((r.Unit.Id, r.Period.Kind, r.Period.From.Year, r.Period.QuarterKey, r.Kind))).ToList();
    }

    /// <summary>
    /// The reports the units (null: every unit) owe now — due within the lead time or late within the late window, not sent
    /// in any version — whether or not the reminder mail went: the units' dashboards show them until the report is sent.
    /// </summary>
    public async Task<IReadOnlyList<DueReminder>> OwedAsync(IReadOnlySet<int>? unitIds, CancellationToken ct)
    {
        var settings = options.Value;
        var periods = PeriodsOn(VietnamTime.Today(clock), settings.LeadDays, settings.LateWithinDays).ToList();
        if (periods.Count == 0 || unitIds is { Count: 0 })
            return [];
        var only = unitIds?.ToList();
        var units = await db.UnitOversights.AsNoTracking().Where(o => o.OverseenUnit.IsActive && o.OverseenUnit.MergedIntoId == null
                && (only == null || only.Contains(o.OverseenUnitId)))
            .Select(o => new UnitRef(o.OverseenUnit.Id, o.OverseenUnit.Slug, o.OverseenUnit.Name, o.OverseenUnit.ShortName, o.OverseenUnit.Kind))
            .Distinct().ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var years = periods.Select(p => p.Period.From.Year).Distinct().ToList();
        var sent = (await db.SubmittedReports.AsNoTracking().Where(r => ids.Contains(r.UnitId) && years.Contains(r.Year))
            .Select(r => new { r.UnitId, r.PeriodKind, r.Year, r.Quarter }).Distinct().ToListAsync(ct))
            .Select(r => (r.UnitId, r.PeriodKind, r.Year, r.Quarter)).ToHashSet();
        return (from unit in units.OrderBy(u => u.Id)
                from due in periods
                where !sent.Contains((unit.Id, due.Period.Kind, due.Period.From.Year, due.Period.QuarterKey))
                select new DueReminder(unit, due.Period, due.Kind)).ToList();
    }

    /// <summary>
    /// Takes the reminder for this node by recording it. False when it is recorded already: another node, or an earlier
    /// round, has it, and this one sends nothing.
    /// </summary>
    public async Task<bool> ClaimAsync(DueReminder reminder, CancellationToken ct)
    {
        var row = new ReportReminder
        {
            UnitId = reminder.Unit.Id, PeriodKind = reminder.Period.Kind, Year = reminder.Period.From.Year, Quarter = reminder.Period.QuarterKey,
            Kind = reminder.Kind, SentAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ReportReminders.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Entry(row).State = EntityState.Detached;
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique key refused it: the reminder is someone else's.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives a claimed reminder back when no message reached the server, so that a later round tries again.</summary>
    public Task ReleaseAsync(DueReminder reminder, CancellationToken ct) => db.ReportReminders
        .Where(r => r.UnitId == reminder.Unit.Id && r.PeriodKind == reminder.Period.Kind && r.Year == reminder.Period.From.Year
            && r.Quarter == reminder.Period.QuarterKey && r.Kind == reminder.Kind)
        .ExecuteDeleteAsync(ct);
}
