using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> submission)
    {
        submission.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.FeedbackType).HasConversion<string>().HasMaxLength(20);
        submission.Property(s => s.TrackingCode).HasMaxLength(TrackingCode.Length);
        submission.HasIndex(s => s.TrackingCode).IsUnique();
        submission.Property(s => s.Name).HasMaxLength(CitizenSubmissions.MaxName);
        submission.Property(s => s.Email).HasMaxLength(CitizenSubmissions.MaxEmail);
        submission.Property(s => s.Phone).HasMaxLength(CitizenSubmissions.MaxPhone);
        submission.Property(s => s.Title).HasMaxLength(CitizenSubmissions.MaxTitle);
        submission.Property(s => s.Text).HasMaxLength(CitizenSubmissions.MaxText);
        submission.Property(s => s.Location).HasMaxLength(CitizenSubmissions.MaxLocation);
        submission.Property(s => s.AttachmentPath).HasMaxLength(200);
        submission.Property(s => s.AttachmentName).HasMaxLength(120);
        submission.Property(s => s.AttachmentType).HasMaxLength(100);
        submission.Property(s => s.AssignedUserId).HasMaxLength(450);
        submission.Property(s => s.AnswerMarkdown).HasMaxLength(SubmissionInbox.MaxAnswer);
        submission.Property(s => s.RejectionReason).HasMaxLength(SubmissionInbox.MaxReason + 50);
        submission.Property(s => s.Version).IsConcurrencyToken();
        submission.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A procedure is never deleted by the site; were one removed, its questions stay and lose only the link.
        submission.HasOne(s => s.Procedure).WithMany().HasForeignKey(s => s.ProcedureId).OnDelete(DeleteBehavior.SetNull);
        submission.HasOne(s => s.AnsweredByUnit).WithMany().HasForeignKey(s => s.AnsweredByUnitId).OnDelete(DeleteBehavior.Restrict);
        submission.HasOne(s => s.Category).WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.SetNull);
        submission.HasOne(s => s.MergedInto).WithMany().HasForeignKey(s => s.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        submission.HasMany(s => s.History).WithOne().HasForeignKey(h => h.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        // The inbox lists a unit's items by status and deadline; the column lists published questions by answer date.
        submission.HasIndex(s => new { s.UnitId, s.Status, s.DueOn });
        submission.HasIndex(s => new { s.Kind, s.Status, s.AnsweredAt });
        submission.HasIndex(s => s.ReceivedAt);
    }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> entry)
    {
        entry.ToTable("SubmissionHistory");
        entry.Property(e => e.Step).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.UserName).HasMaxLength(256);
        entry.Property(e => e.Note).HasMaxLength(SubmissionInbox.MaxReason);
    }
}

internal sealed class HelpfulVoteConfiguration : IEntityTypeConfiguration<HelpfulVote>
{
    public void Configure(EntityTypeBuilder<HelpfulVote> vote)
    {
        vote.Property(v => v.TokenHash).HasMaxLength(Surveys.BrowserTokens.HashLength);
        // One vote per browser per answer holds under concurrent posts: the index has the last word. It also serves the counts.
        vote.HasIndex(v => new { v.SubmissionId, v.TokenHash }).IsUnique();
        vote.HasOne<Submission>().WithMany().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
