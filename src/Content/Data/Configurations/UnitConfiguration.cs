using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.HasIndex(u => u.Slug).IsUnique();
        unit.Property(u => u.Slug).HasMaxLength(80);
        unit.Property(u => u.Name).HasMaxLength(200).UseCollation(VietnameseCollation.Name);
        unit.Property(u => u.ShortName).HasMaxLength(100);
        unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        unit.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        unit.HasOne<Unit>().WithMany().HasForeignKey(u => u.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        unit.Property(u => u.Description).HasMaxLength(1000);
        unit.OwnsOne(u => u.Contact, contact =>
        {
            contact.Property(c => c.Address).HasMaxLength(300);
            contact.Property(c => c.Phone).HasMaxLength(40);
            contact.Property(c => c.Hotline).HasMaxLength(40);
            contact.Property(c => c.Email).HasMaxLength(120);
        });
        unit.Navigation(u => u.Contact).IsRequired();
        // One JSON column: the page is read and saved whole, never queried by its parts.
        unit.OwnsOne(u => u.Profile, profile =>
        {
            profile.ToJson();
            profile.OwnsMany(p => p.Leaders);
        });
        unit.Navigation(u => u.Profile).IsRequired();
    }
}
