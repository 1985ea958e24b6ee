using CchcSite.Content.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.UserName).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.ItemType).HasMaxLength(40);
        entry.Property(e => e.ItemId).HasMaxLength(40);
        entry.Property(e => e.Summary).HasMaxLength(AuditLog.MaxSummary);
        entry.Property(e => e.Address).HasMaxLength(64);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => e.UserId);
    }
}
