using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> plan)
    {
        plan.HasIndex(p => new { p.UnitId, p.Year });
        plan.Property(p => p.Number).HasMaxLength(PlanInput.MaxNumber);
        plan.Property(p => p.Title).HasMaxLength(PlanInput.MaxTitle);
        plan.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        plan.HasOne(p => p.DocumentPost).WithMany().HasForeignKey(p => p.DocumentPostId).OnDelete(DeleteBehavior.SetNull);
        plan.HasMany(p => p.Items).WithOne(i => i.Plan).HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> item)
    {
        item.HasIndex(i => new { i.PlanId, i.Order });
        item.Property(i => i.Group).HasMaxLength(PlanItemInput.MaxGroup);
        item.Property(i => i.Content).HasMaxLength(PlanItemInput.MaxContent);
        item.Property(i => i.Form).HasMaxLength(PlanItemInput.MaxForm);
        item.Property(i => i.LeadName).HasMaxLength(PlanItemInput.MaxName);
        item.Property(i => i.TimingText).HasMaxLength(PlanItemInput.MaxTimingText);
        item.Property(i => i.ExpectedOutput).HasMaxLength(PlanItemInput.MaxExpectedOutput);
        item.Property(i => i.Timing).HasConversion<string>().HasMaxLength(20);
        item.HasOne<Unit>().WithMany().HasForeignKey(i => i.LeadUnitId).OnDelete(DeleteBehavior.SetNull);
        item.OwnsMany(i => i.Coordinators, coordinator =>
        {
            coordinator.ToTable("PlanItemCoordinators");
            // A key of its own, so that SQLite numbers the rows (a composite owned key would not be generated).
            coordinator.WithOwner().HasForeignKey("PlanItemId");
            coordinator.Property<int>("Id");
            coordinator.HasKey("Id");
            coordinator.Property(c => c.Name).HasMaxLength(PlanItemInput.MaxName);
            coordinator.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.SetNull);
        });
        // A post outlives its plan item: deleting the item only unlinks the post.
        item.HasMany<Post>().WithOne().HasForeignKey(p => p.PlanItemId).OnDelete(DeleteBehavior.SetNull);
    }
}
