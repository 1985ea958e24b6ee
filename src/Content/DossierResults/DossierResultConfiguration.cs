using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.DossierResults;

internal sealed class DossierResultConfiguration : IEntityTypeConfiguration<DossierResult>
{
    public void Configure(EntityTypeBuilder<DossierResult> result)
    {
        // One row per unit, month and field: a re-import of the month replaces the unit's rows.
        result.HasIndex(r => new { r.UnitId, r.Year, r.Month, r.FieldId }).IsUnique();
        result.HasIndex(r => new { r.Year, r.Month });
        result.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        result.HasOne(r => r.Field).WithMany().HasForeignKey(r => r.FieldId).OnDelete(DeleteBehavior.Restrict);
        result.ComplexProperty(r => r.Figures);
    }
}
