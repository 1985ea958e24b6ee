using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Bulletins;

/// <summary>How long a bulletin's period (kỳ) is.</summary>
public enum BulletinPeriod
{
    Month,
    Quarter,
}

/// <summary>What an entry of a bulletin points at.</summary>
public enum BulletinItemKind
{
    Post,
    Question,
    IndexResult,
}

/// <summary>
/// One issue of a unit's Bản tin CCHC: its number in the year, its period, the editor's introduction and the entries picked
/// from what the unit published in the period. It is reviewed like a post (Draft → InReview → Published → Unpublished),
/// under the same permission table and two-person rule (<see cref="BulletinWorkflow"/>).
/// </summary>
public class BulletinIssue
{
    public const int MaxIntroduction = 4000;

    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    /// <summary>The issue's number (số) within <see cref="Year"/>.</summary>
    public int Number { get; set; }
    public int Year { get; set; }
    public BulletinPeriod Period { get; set; }
    /// <summary>The month (1–12) or the quarter (1–4) of <see cref="Year"/>.</summary>
    public int PeriodIndex { get; set; }
    public string Introduction { get; set; } = "";
    public PostStatus Status { get; set; }
    public required string AuthorId { get; set; }
    public required string LastEditorId { get; set; }
    public string? ApproverId { get; set; }
    public string? ReviewNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public List<BulletinEntry> Entries { get; set; } = [];

    public string Title => BulletinPeriods.Title(Number, Year);

    public string PeriodText => BulletinPeriods.Text(Period, PeriodIndex, Year);
}

/// <summary>
/// One item of an issue, with its title, summary, address and reform field as they were when the editor picked it: the
/// issue, once approved, reads as it was approved even if the item is later edited.
/// </summary>
public class BulletinEntry
{
    public const int MaxTitle = 500, MaxSummary = 1000, MaxUrl = 500, MaxSection = 200;

    public int Id { get; set; }
    public int IssueId { get; set; }
    public int Order { get; set; }
    public BulletinItemKind ItemKind { get; set; }
    public int ItemId { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    /// <summary>Site-relative; made absolute from Site:PublicUrl where it leaves the site (PDF, mail).</summary>
    public required string Url { get; set; }
    /// <summary>The reform field the entry is grouped under.</summary>
    public required string Section { get; set; }
}

internal sealed class BulletinIssueConfiguration : IEntityTypeConfiguration<BulletinIssue>
{
    public void Configure(EntityTypeBuilder<BulletinIssue> issue)
    {
        issue.Property(i => i.Period).HasConversion<string>().HasMaxLength(20);
        issue.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        issue.Property(i => i.Introduction).HasMaxLength(BulletinIssue.MaxIntroduction);
        issue.Property(i => i.AuthorId).HasMaxLength(450);
        issue.Property(i => i.LastEditorId).HasMaxLength(450);
        issue.Property(i => i.ApproverId).HasMaxLength(450);
        issue.Property(i => i.ReviewNote).HasMaxLength(PostWorkflow.MaxNote);
        issue.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A number names one issue of a unit in a year.
        issue.HasIndex(i => new { i.UnitId, i.Year, i.Number }).IsUnique();
        issue.HasIndex(i => new { i.Status, i.PublishedAt });
        issue.HasMany(i => i.Entries).WithOne().HasForeignKey(e => e.IssueId).OnDelete(DeleteBehavior.Cascade);
        issue.Ignore(i => i.Title);
        issue.Ignore(i => i.PeriodText);
    }
}

internal sealed class BulletinEntryConfiguration : IEntityTypeConfiguration<BulletinEntry>
{
    public void Configure(EntityTypeBuilder<BulletinEntry> entry)
    {
        entry.Property(e => e.ItemKind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Title).HasMaxLength(BulletinEntry.MaxTitle);
        entry.Property(e => e.Summary).HasMaxLength(BulletinEntry.MaxSummary);
        entry.Property(e => e.Url).HasMaxLength(BulletinEntry.MaxUrl);
        entry.Property(e => e.Section).HasMaxLength(BulletinEntry.MaxSection);
        entry.HasIndex(e => new { e.IssueId, e.ItemKind, e.ItemId }).IsUnique();
    }
}

/// <summary>Periods in words and in Vietnam-time days.</summary>
public static class BulletinPeriods
{
    public static string Title(int number, int year) => $"Bản tin CCHC số {number}/{year}";

    public static string Text(BulletinPeriod period, int index, int year) =>
        period == BulletinPeriod.Month ? $"Tháng {index}/{year}" : $"Quý {ToRoman(index)}/{year}";

    public static bool IsValid(BulletinPeriod period, int index, int year) =>
        year is >= 2000 and <= 2100 && index >= 1 && index <= (period == BulletinPeriod.Month ? 12 : 4);

    /// <summary>The first and last day of the period, inclusive.</summary>
    public static (DateOnly From, DateOnly To) Days(BulletinPeriod period, int index, int year)
    {
        var months = period == BulletinPeriod.Month ? 1 : 3;
        var from = new DateOnly(year, period == BulletinPeriod.Month ? index : (index - 1) * 3 + 1, 1);
        return (from, from.AddMonths(months).AddDays(-1));
    }

    private static string ToRoman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
