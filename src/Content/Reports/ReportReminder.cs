using System.ComponentModel.DataAnnotations;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Reports;

public enum ReportReminderKind
{
    /// <summary>Sắp đến hạn: the due day is within the lead time.</summary>
    DueSoon,
    /// <summary>Quá hạn: the due day has passed and nothing was sent.</summary>
    Late,
}

/// <summary>
/// A reminder sent to a unit about one report of one period. The unique key (unit, period, kind) is what makes each
/// reminder go once: a node claims it by inserting this row before sending; another node, or the same one after a restart,
/// fails to insert it and sends nothing.
/// </summary>
public class ReportReminder
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public ReportPeriodKind PeriodKind { get; set; }
    public int Year { get; set; }
    /// <summary>1–4 for a quarter; 0 for the half-year and the year, as in <see cref="SubmittedReport.Quarter"/>.</summary>
    public int Quarter { get; set; }
    public ReportReminderKind Kind { get; set; }
    public DateTime SentAt { get; set; }
}

internal sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> reminder)
    {
        reminder.HasIndex(r => new { r.UnitId, r.PeriodKind, r.Year, r.Quarter, r.Kind }).IsUnique();
        reminder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        reminder.Property(r => r.PeriodKind).HasConversion<string>().HasMaxLength(20);
        reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

/// <summary>Bound from "ReportReminders": when units are reminded of the reports they owe their overseeing unit.</summary>
public sealed class ReportReminderOptions
{
    public const string Section = "ReportReminders";

    /// <summary>How many days before the due day a unit that has not sent its report is reminded.</summary>
    [Range(1, 60, ErrorMessage = "must be a number of days from {1} to {2}")]
    public int LeadDays { get; set; } = 7;
    /// <summary>
    /// How long after the due day a late reminder may still go: a site started for the first time reminds of the
    /// periods just missed, not of every period since 2000.
    /// </summary>
    [Range(1, 366, ErrorMessage = "must be a number of days from {1} to {2}")]
    public int LateWithinDays { get; set; } = 30;
    /// <summary>How often the background worker looks for reminders to send.</summary>
    [Range(1, 24 * 60, ErrorMessage = "must be a number of minutes from {1} to {2}")]
    public int PollMinutes { get; set; } = 60;
    /// <summary>Off in tests that drive the rounds themselves.</summary>
    public bool SendInBackground { get; set; } = true;
}
