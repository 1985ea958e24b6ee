using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Indexes;

internal sealed class IndexDefinitionConfiguration : IEntityTypeConfiguration<IndexDefinition>
{
    public void Configure(EntityTypeBuilder<IndexDefinition> index)
    {
        index.HasIndex(i => i.Code).IsUnique();
        index.Property(i => i.Code).HasMaxLength(IndexDefinition.MaxCode);
        index.Property(i => i.Name).HasMaxLength(IndexDefinition.MaxName);
        index.Property(i => i.Assessor).HasMaxLength(IndexDefinition.MaxAssessor);
        index.Property(i => i.Scale).HasConversion<string>().HasMaxLength(20);
        index.Property(i => i.MaxScore).HasPrecision(9, 2);
        index.HasMany(i => i.Components).WithOne().HasForeignKey(c => c.IndexDefinitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndexComponentConfiguration : IEntityTypeConfiguration<IndexComponent>
{
    public void Configure(EntityTypeBuilder<IndexComponent> component)
    {
        component.HasIndex(c => new { c.IndexDefinitionId, c.Code, c.FromYear }).IsUnique();
        component.Property(c => c.Code).HasMaxLength(IndexComponent.MaxCode);
        component.Property(c => c.Name).HasMaxLength(IndexComponent.MaxName);
        component.Property(c => c.MaxScore).HasPrecision(9, 2);
    }
}

internal sealed class IndexResultConfiguration : IEntityTypeConfiguration<IndexResult>
{
    public void Configure(EntityTypeBuilder<IndexResult> result)
    {
        // One result per unit, index and year: a correction changes it and keeps the earlier figures.
        result.HasIndex(r => new { r.IndexDefinitionId, r.Year, r.UnitId }).IsUnique();
        result.HasIndex(r => r.UnitId);
        result.Property(r => r.Grouping).HasConversion<string>().HasMaxLength(20);
        result.Property(r => r.Score).HasPrecision(9, 2);
        result.Property(r => r.SourceTitle).HasMaxLength(IndexResult.MaxSource);
        result.HasOne(r => r.IndexDefinition).WithMany().HasForeignKey(r => r.IndexDefinitionId).OnDelete(DeleteBehavior.Restrict);
        result.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        result.HasOne<Unit>().WithMany().HasForeignKey(r => r.WithinUnitId).OnDelete(DeleteBehavior.Restrict);
        result.HasOne<Unit>().WithMany().HasForeignKey(r => r.PublisherUnitId).OnDelete(DeleteBehavior.Restrict);
        result.HasOne(r => r.SourcePost).WithMany().HasForeignKey(r => r.SourcePostId).OnDelete(DeleteBehavior.SetNull);
        result.OwnsMany(r => r.Components, score =>
        {
            score.ToTable("IndexComponentScores");
            score.WithOwner().HasForeignKey("IndexResultId");
            score.Property<int>("Id");
            score.HasKey("Id");
            score.Property(s => s.Code).HasMaxLength(IndexComponent.MaxCode);
            score.Property(s => s.Score).HasPrecision(9, 2);
        });
        result.HasMany(r => r.Corrections).WithOne().HasForeignKey(c => c.IndexResultId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndexResultCorrectionConfiguration : IEntityTypeConfiguration<IndexResultCorrection>
{
    public void Configure(EntityTypeBuilder<IndexResultCorrection> correction)
    {
        correction.Property(c => c.UserName).HasMaxLength(256);
        correction.Property(c => c.Score).HasPrecision(9, 2);
        correction.Property(c => c.ComponentsText).HasMaxLength(2000);
    }
}
