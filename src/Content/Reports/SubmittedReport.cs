using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Reports;

public enum SubmittedReportStatus
{
    /// <summary>Đã gửi, chờ tiếp nhận.</summary>
    Submitted,
    /// <summary>Đã tiếp nhận.</summary>
    Acknowledged,
    /// <summary>Trả lại để bổ sung.</summary>
    Returned,
}

/// <summary>
/// A periodic report a unit sent to the unit that oversees it: the figures as they were at submission (JSON of the
/// report's sections, never recomputed) and the narrative the unit wrote. A correction is a new row with the next
/// <see cref="Version"/>; earlier versions stay as they were sent.
/// </summary>
public class SubmittedReport
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    /// <summary>The unit the report went to, as the oversight relation said at submission.</summary>
    public int OverseerUnitId { get; set; }
    public Unit OverseerUnit { get; set; } = null!;
    public ReportPeriodKind PeriodKind { get; set; }
    public int Year { get; set; }
    /// <summary>1–4 for a quarter; 0 for the half-year and the year (a key column is never null).</summary>
    public int Quarter { get; set; }
    public int Version { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime SubmittedAt { get; set; }
    public required string SubmittedById { get; set; }
    public required string SubmittedByName { get; set; }
    public required string FiguresJson { get; set; }
    /// <summary>Kết quả đạt được.</summary>
    public required string Results { get; set; }
    /// <summary>Hạn chế và nguyên nhân.</summary>
    public required string Limitations { get; set; }
    /// <summary>Đề xuất, kiến nghị.</summary>
    public required string Proposals { get; set; }
    public SubmittedReportStatus Status { get; set; }
    public string? ReviewComment { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAt { get; set; }

    public ReportPeriod Period => ReportPeriod.OfKey(PeriodKind, Year, Quarter);

    /// <summary>Sent by the due day, counted in Vietnam time.</summary>
    public bool OnTime => Text.VietnamTime.DateOf(SubmittedAt) <= DueOn;
}

internal sealed class SubmittedReportConfiguration : IEntityTypeConfiguration<SubmittedReport>
{
    public void Configure(EntityTypeBuilder<SubmittedReport> report)
    {
        report.HasIndex(r => new { r.UnitId, r.PeriodKind, r.Year, r.Quarter, r.Version }).IsUnique();
        report.HasIndex(r => new { r.OverseerUnitId, r.PeriodKind, r.Year, r.Quarter });
        report.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.OverseerUnit).WithMany().HasForeignKey(r => r.OverseerUnitId).OnDelete(DeleteBehavior.Restrict);
        report.Property(r => r.PeriodKind).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        report.Property(r => r.SubmittedById).HasMaxLength(100);
        report.Property(r => r.SubmittedByName).HasMaxLength(200);
        report.Property(r => r.ReviewedByName).HasMaxLength(200);
        report.Property(r => r.Results).HasMaxLength(ReportNarrative.MaxLength);
        report.Property(r => r.Limitations).HasMaxLength(ReportNarrative.MaxLength);
        report.Property(r => r.Proposals).HasMaxLength(ReportNarrative.MaxLength);
        report.Property(r => r.ReviewComment).HasMaxLength(2000);
        report.Ignore(r => r.OnTime);
        report.Ignore(r => r.Period);
    }
}

/// <summary>The three parts Vietnamese reports have, written by the unit.</summary>
public sealed record ReportNarrative(string? Results, string? Limitations, string? Proposals)
{
    public const int MaxLength = 20000;

    public IEnumerable<KeyValuePair<string, string>> Errors()
    {
        foreach (var (field, text, name) in new[] { (nameof(Results), Results, "Kết quả đạt được"), (nameof(Limitations), Limitations, "Hạn chế và nguyên nhân"), (nameof(Proposals), Proposals, "Đề xuất, kiến nghị") })
        {
            if (string.IsNullOrWhiteSpace(text))
                yield return new(field, $"Vui lòng nhập phần \"{name}\".");
            else if (text.Length > MaxLength)
                yield return new(field, $"Phần \"{name}\" không quá {MaxLength} ký tự.");
        }
    }
}

public static class SubmittedReportNames
{
    public static string Vietnamese(this SubmittedReportStatus status) => status switch
    {
        SubmittedReportStatus.Acknowledged => "Đã tiếp nhận",
        SubmittedReportStatus.Returned => "Trả lại để bổ sung",
        _ => "Đã gửi, chờ tiếp nhận",
    };

    /// <summary>"Đúng hạn" or "Quá hạn" against the due day, both in Vietnam time.</summary>
    public static string Timeliness(this SubmittedReport report) => report.OnTime ? "Đúng hạn" : "Quá hạn";
}
