using System.ComponentModel.DataAnnotations;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Subscriptions;

public enum SubscriptionFrequency
{
    /// <summary>One message per item, as soon as it is published.</summary>
    Immediately,
    /// <summary>One message a day with the items of the day before.</summary>
    Daily,
    /// <summary>One message on Monday morning with the week's items.</summary>
    Weekly,
}

public enum SubscriptionStatus
{
    /// <summary>Asked for, not confirmed: only the confirmation message may go to the address.</summary>
    Pending,
    Active,
    /// <summary>Ended by its holder; the row (and the address) is deleted after the retention period.</summary>
    Unsubscribed,
}

/// <summary>
/// One address's wish to receive the reform news by e-mail (no account): which units (with or without their sub-units),
/// which reform fields and which kinds of item, and how often. An empty list means "all". One row per address: a second
/// request from the same address changes the same subscription, after confirmation.
/// </summary>
public class Subscription
{
    public int Id { get; set; }
    /// <summary>Lower case; personal data, shown only to administrators.</summary>
    public required string Email { get; set; }
    public SubscriptionStatus Status { get; set; }
    public SubscriptionFrequency Frequency { get; set; }
    /// <summary>Unit ids, comma separated; empty: every unit.</summary>
    public string UnitIds { get; set; } = "";
    public bool IncludeSubUnits { get; set; }
    /// <summary>Category (reform field) ids, comma separated; empty: every field.</summary>
    public string CategoryIds { get; set; } = "";
    /// <summary><see cref="PostKind"/> names, comma separated; empty: every kind.</summary>
    public string Kinds { get; set; } = "";
    /// <summary>The Bản tin CCHC too, when its issues are e-mailed.</summary>
    public bool Bulletin { get; set; }
    /// <summary>
    /// Procedures of the chosen units announced new, amended, replaced or abolished by a decision (what the public change list
    /// shows). Reform fields and post kinds do not narrow them: a procedure's field is a field of law, not a reform field.
    /// </summary>
    public bool ProcedureChanges { get; set; }
    /// <summary>
    /// Online reform contests the chosen units organise, when one is published. Like procedures, not narrowed by reform
    /// fields or post kinds: a contest covers the reform as a whole.
    /// </summary>
    public bool Contests { get; set; }
    /// <summary>
    /// What a signed link names besides the id. Renewed when a subscription is asked for again after it ended, so that
    /// a link from an earlier life of the row no longer works.
    /// </summary>
    public Guid Stamp { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The confirmation link works until then (UTC); an unconfirmed row is deleted after the retention.</summary>
    public DateTime ConfirmBy { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }

    public IReadOnlyList<int> UnitIdList => Ids(UnitIds);
    public IReadOnlyList<int> CategoryIdList => Ids(CategoryIds);
    public IReadOnlyList<PostKind> KindList =>
        [.. Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => Enum.TryParse<PostKind>(k, out var kind) ? (PostKind?)kind : null)
            .Where(k => k is not null).Select(k => k!.Value)];

    internal static string Join<T>(IEnumerable<T> values) => string.Join(',', values.Distinct().OrderBy(v => v));

    private static int[] Ids(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var id) ? id : 0).Where(id => id > 0)];
}

/// <summary>
/// An item that became public and may interest subscribers — a post, an issue of the Bản tin CCHC, what one decision
/// did to procedures in one save, or a contest — written in the transaction that publishes it (by an approver or by the scheduled
/// publishing job), so that a publish is never committed without it, nor it without the publish. The sender turns it into
/// <see cref="SubscriptionDelivery"/> rows (<see cref="QueuedAt"/> set then). Exactly one of <see cref="PostId"/>,
/// <see cref="BulletinIssueId"/>, <see cref="ProcedureRevisionId"/> and <see cref="ContestId"/> is set.
/// </summary>
public class SubscriptionAlert
{
    public long Id { get; set; }
    public int? PostId { get; set; }
    public int? BulletinIssueId { get; set; }
    /// <summary>
    /// The first revision of a procedure announcement: the revisions one save or import made under one decision, which
    /// share its number and time (<see cref="Procedures.ProcedureAnnouncement"/>). An import of a decision that touches
    /// forty procedures is one message, not forty.
    /// </summary>
    public long? ProcedureRevisionId { get; set; }
    public int? ContestId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? QueuedAt { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Sent,
    /// <summary>Not sent, on purpose: the item was taken down, the subscription ended, or every attempt failed.</summary>
    Dropped,
}

/// <summary>
/// One item for one subscriber: the unit of "exactly once". The pair is unique, so queueing twice (a crash during the
/// fan-out, two nodes, a post published, taken down and published again) cannot make two messages. A sender claims rows
/// with a lease (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>); a node that dies loses its lease and another
/// node takes the rows over when it runs out.
/// </summary>
public class SubscriptionDelivery
{
    public long Id { get; set; }
    public int SubscriptionId { get; set; }
    /// <summary>The post, the bulletin issue, the procedure announcement (see the alert) or the contest it carries: exactly one is set.</summary>
    public int? PostId { get; set; }
    public int? BulletinIssueId { get; set; }
    public long? ProcedureRevisionId { get; set; }
    public int? ContestId { get; set; }
    public DeliveryStatus Status { get; set; }
    /// <summary>Not before (UTC): now for immediate alerts, the digest's time for daily and weekly ones.</summary>
    public DateTime DueAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public Guid? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Bound from the "Subscriptions" configuration section.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>How long a confirmation link works.</summary>
    [Range(1, 24 * 30, ErrorMessage = "must be a number of hours from {1} to {2}")]
    public int ConfirmationHours { get; set; } = 48;
    /// <summary>How long an ended or never confirmed subscription's address is kept before it is deleted.</summary>
    [Range(0, 3650, ErrorMessage = "must be a number of days from {1} to {2}")]
    public int RetentionDays { get; set; } = 30;
    /// <summary>Messages per second the sender keeps to, across a batch.</summary>
    [Range(1, 10_000, ErrorMessage = "must be from {1} to {2} messages per second")]
    public int MessagesPerSecond { get; set; } = 20;
    /// <summary>Deliveries one node claims at a time.</summary>
    [Range(1, 5_000, ErrorMessage = "must be from {1} to {2}")]
    public int BatchSize { get; set; } = 100;
    /// <summary>How long a claim lasts; past it, another node takes the rows over. Longer than a batch takes to send.</summary>
    [Range(10, 3600, ErrorMessage = "must be from {1} to {2} seconds")]
    public int LeaseSeconds { get; set; } = 300;
    /// <summary>Attempts before a delivery is given up (dropped, with its last error).</summary>
    [Range(1, 50, ErrorMessage = "must be from {1} to {2}")]
    public int MaxAttempts { get; set; } = 10;
    /// <summary>The first retry waits this long; each next one twice as long, up to an hour.</summary>
    [Range(1, 3600, ErrorMessage = "must be from {1} to {2} seconds")]
    public int RetrySeconds { get; set; } = 30;
    /// <summary>The hour (Vietnam time) at which daily and weekly digests go out.</summary>
    [Range(0, 23, ErrorMessage = "must be an hour from {1} to {2}")]
    public int DigestHour { get; set; } = 7;
    /// <summary>Subscribe requests accepted per client address and hour (each sends a mail to a typed address).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "must be a positive number")]
    public int RequestsPerHour { get; set; } = 10;
    /// <summary>
    /// How often the sender looks for work nobody told it of, in seconds: digests and retries falling due. A publish wakes
    /// it at once.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "must be from {1} to {2} seconds")]
    public int PollSeconds { get; set; } = 300;
    /// <summary>
    /// Whether this node sends in the background. Off for a node that must not send mail, and where something else drives
    /// the rounds (the tests and the mail benchmark, which call <c>RunOnceAsync</c> themselves and assert on what each did).
    /// </summary>
    public bool SendInBackground { get; set; } = true;
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.Property(s => s.Email).HasMaxLength(EmailAddressRule.MaxLength);
        subscription.HasIndex(s => s.Email).IsUnique();
        subscription.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        subscription.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(20);
        subscription.Property(s => s.UnitIds).HasMaxLength(2000);
        subscription.Property(s => s.CategoryIds).HasMaxLength(1000);
        subscription.Property(s => s.Kinds).HasMaxLength(200);
        subscription.HasIndex(s => s.Status);
        subscription.Ignore(s => s.UnitIdList);
        subscription.Ignore(s => s.CategoryIdList);
        subscription.Ignore(s => s.KindList);
    }
}

internal sealed class SubscriptionAlertConfiguration : IEntityTypeConfiguration<SubscriptionAlert>
{
    public void Configure(EntityTypeBuilder<SubscriptionAlert> alert)
    {
        // No foreign key to the post, as in the search outbox: a row pointing at a post would count, for the change
        // tracker, as a change of that post (a search re-index and a cache eviction per queued row).
        alert.HasIndex(a => a.QueuedAt);
    }
}

internal sealed class SubscriptionDeliveryConfiguration : IEntityTypeConfiguration<SubscriptionDelivery>
{
    public void Configure(EntityTypeBuilder<SubscriptionDelivery> delivery)
    {
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.LastError).HasMaxLength(500);
        // Unique per kind of item; the other column is null, and nulls never collide in a unique index.
        delivery.HasIndex(d => new { d.SubscriptionId, d.PostId }).IsUnique();
        delivery.HasIndex(d => new { d.SubscriptionId, d.BulletinIssueId }).IsUnique();
        delivery.HasIndex(d => new { d.SubscriptionId, d.ProcedureRevisionId }).IsUnique();
        // A contest published, taken back to draft and published again is announced once.
        delivery.HasIndex(d => new { d.SubscriptionId, d.ContestId }).IsUnique();
        delivery.HasIndex(d => new { d.Status, d.DueAt });
        delivery.HasOne<Subscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to the post (see the alert): a deleted post's rows are dropped when they come due.
        delivery.HasIndex(d => d.PostId);
    }
}
