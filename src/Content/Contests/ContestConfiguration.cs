using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Contests;

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> contest)
    {
        contest.HasIndex(c => c.Slug).IsUnique();
        contest.Property(c => c.Slug).HasMaxLength(200);
        contest.Property(c => c.Title).HasMaxLength(300);
        contest.Property(c => c.Summary).HasMaxLength(1000);
        contest.Property(c => c.GuessQuestion).HasMaxLength(500);
        contest.Property(c => c.Audience).HasConversion<string>().HasMaxLength(20);
        contest.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        contest.Property(c => c.LastEditorId).HasMaxLength(450);
        contest.Property(c => c.SubmittedById).HasMaxLength(450);
        contest.Property(c => c.ApproverId).HasMaxLength(450);
        contest.Property(c => c.ReviewNote).HasMaxLength(Posts.PostWorkflow.MaxNote);
        contest.ComplexProperty(c => c.Prizes);
        contest.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        contest.HasMany(c => c.Rounds).WithOne(r => r.Contest).HasForeignKey(r => r.ContestId).OnDelete(DeleteBehavior.Cascade);
        contest.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.ContestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestRoundConfiguration : IEntityTypeConfiguration<ContestRound>
{
    public void Configure(EntityTypeBuilder<ContestRound> round) => round.HasIndex(r => new { r.ContestId, r.Number }).IsUnique();
}

internal sealed class ContestQuestionConfiguration : IEntityTypeConfiguration<ContestQuestion>
{
    public void Configure(EntityTypeBuilder<ContestQuestion> question)
    {
        question.Property(q => q.Text).HasMaxLength(1000);
        question.Property(q => q.Group).HasMaxLength(100);
        question.Property(q => q.Explanation).HasMaxLength(2000);
        question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        question.HasIndex(q => new { q.ContestId, q.Order });
        question.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestOptionConfiguration : IEntityTypeConfiguration<ContestOption>
{
    public void Configure(EntityTypeBuilder<ContestOption> option) => option.Property(o => o.Text).HasMaxLength(500);
}

internal sealed class ContestAttemptConfiguration : IEntityTypeConfiguration<ContestAttempt>
{
    public void Configure(EntityTypeBuilder<ContestAttempt> attempt)
    {
        attempt.HasIndex(a => a.Token).IsUnique();
        attempt.HasIndex(a => new { a.RoundId, a.SubmittedAt });
        attempt.Property(a => a.FullName).HasMaxLength(200);
        attempt.Property(a => a.Phone).HasMaxLength(20);
        attempt.Property(a => a.Email).HasMaxLength(254);
        attempt.Property(a => a.Address).HasMaxLength(300);
        attempt.Property(a => a.DisqualifiedReason).HasMaxLength(500);
        attempt.HasOne(a => a.Round).WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        attempt.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.SetNull);
        attempt.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        attempt.HasMany(a => a.Keys).WithOne().HasForeignKey(k => k.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestAnswerConfiguration : IEntityTypeConfiguration<ContestAnswer>
{
    public void Configure(EntityTypeBuilder<ContestAnswer> answer)
    {
        answer.HasKey(a => new { a.AttemptId, a.QuestionId });
        answer.Property(a => a.OptionOrder).HasMaxLength(100);
        answer.Property(a => a.Chosen).HasMaxLength(100);
        answer.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContestEntryKeyConfiguration : IEntityTypeConfiguration<ContestEntryKey>
{
    public void Configure(EntityTypeBuilder<ContestEntryKey> key)
    {
        key.Property(k => k.Key).HasMaxLength(260);
        key.HasIndex(k => new { k.RoundId, k.Key, k.Number }).IsUnique();
    }
}
