using CchcSite.Content.Accounts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class EditorUserConfiguration : IEntityTypeConfiguration<EditorUser>
{
    public void Configure(EntityTypeBuilder<EditorUser> user)
    {
        user.Property(u => u.FullName).HasMaxLength(200);
        user.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitMembershipConfiguration : IEntityTypeConfiguration<UnitMembership>
{
    public void Configure(EntityTypeBuilder<UnitMembership> membership)
    {
        membership.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        membership.HasOne<Unit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Cascade);
        membership.HasIndex(m => new { m.UserId, m.UnitId, m.Role }).IsUnique();
    }
}
