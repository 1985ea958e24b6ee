using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> survey)
    {
        survey.HasIndex(s => s.Slug).IsUnique();
        survey.HasIndex(s => new { s.UnitId, s.State });
        survey.Property(s => s.Slug).HasMaxLength(200);
        survey.Property(s => s.Title).HasMaxLength(300);
        survey.Property(s => s.Intro).HasMaxLength(4000);
        survey.Property(s => s.AudienceNote).HasMaxLength(500);
        survey.Property(s => s.TargetLabel).HasMaxLength(300);
        survey.Property(s => s.Audience).HasConversion<string>().HasMaxLength(20);
        survey.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        survey.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        survey.HasMany(s => s.Sections).WithOne().HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
        survey.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveySectionConfiguration : IEntityTypeConfiguration<SurveySection>
{
    public void Configure(EntityTypeBuilder<SurveySection> section) => section.Property(s => s.Title).HasMaxLength(300);
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> question)
    {
        question.Property(q => q.Text).HasMaxLength(1000);
        question.Property(q => q.Group).HasMaxLength(SurveyEditing.MaxGroup);
        question.Property(q => q.LowLabel).HasMaxLength(100);
        question.Property(q => q.HighLabel).HasMaxLength(100);
        question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        question.HasIndex(q => new { q.SurveyId, q.Order });
        question.HasOne(q => q.Section).WithMany().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Restrict);
        question.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        // The condition is kept as ids, not navigations: it points within the same survey and is checked by the rules.
        question.Ignore(q => q.ShownWhen);
    }
}

internal sealed class SurveyOptionConfiguration : IEntityTypeConfiguration<SurveyOption>
{
    public void Configure(EntityTypeBuilder<SurveyOption> option) => option.Property(o => o.Text).HasMaxLength(500);
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> response)
    {
        response.Property(r => r.TokenHash).HasMaxLength(BrowserTokens.HashLength);
        response.Property(r => r.RespondentName).HasMaxLength(200);
        // One response per browser per survey holds under concurrent posts: the index has the last word (null for kiosks).
        response.HasIndex(r => new { r.SurveyId, r.TokenHash }).IsUnique();
        response.HasIndex(r => new { r.SurveyId, r.Day });
        response.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        response.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> answer)
    {
        answer.HasKey(a => new { a.ResponseId, a.QuestionId });
        answer.Property(a => a.Chosen).HasMaxLength(100);
        answer.Property(a => a.Number).HasPrecision(18, 4);
        answer.Property(a => a.Text).HasMaxLength(4000);
        answer.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
