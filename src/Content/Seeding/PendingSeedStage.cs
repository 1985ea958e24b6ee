using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Seeding;

/// <summary>
/// A part of the seed no first page reads, left for after the site serves (<see cref="LaterSeedStages"/>): the seed's first
/// transaction adds one row per such part, and the transaction that imports the part deletes its row, so a start stopped
/// midway finishes only what is missing and no part is imported twice.
/// </summary>
public class PendingSeedStage
{
    /// <summary>One of <see cref="LaterSeedStages.Names"/>.</summary>
    public required string Name { get; set; }
}

internal sealed class PendingSeedStageConfiguration : IEntityTypeConfiguration<PendingSeedStage>
{
    public void Configure(EntityTypeBuilder<PendingSeedStage> stage)
    {
        stage.ToTable("PendingSeedStages");
        stage.HasKey(s => s.Name);
        stage.Property(s => s.Name).HasMaxLength(40);
    }
}
