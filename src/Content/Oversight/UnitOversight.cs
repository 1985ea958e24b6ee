using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Oversight;

/// <summary>
/// "Đơn vị theo dõi, giám sát": one unit follows another's reform work (a Sở Nội vụ the province's Sở and towns, a Phòng
/// Nội vụ its town's offices and wards). It is kept apart from <see cref="Unit.Parent"/> on purpose: the publishing tree
/// says whose section a unit's posts belong to, and the Sở Nội vụ is a sibling of the Sở GDĐT there, not its parent;
/// making it the parent would move the Sở GDĐT's section under the Sở Nội vụ's and give the Nội vụ's approvers
/// the parent's reach. The oversight relation only lets the overseer read (see <see cref="OversightReach"/>).
/// </summary>
public class UnitOversight
{
    public int OverseerUnitId { get; set; }
    public Unit OverseerUnit { get; set; } = null!;
    /// <summary>The unit watched; its sub-units are watched with it.</summary>
    public int OverseenUnitId { get; set; }
    public Unit OverseenUnit { get; set; } = null!;
}

internal sealed class UnitOversightConfiguration : IEntityTypeConfiguration<UnitOversight>
{
    public void Configure(EntityTypeBuilder<UnitOversight> oversight)
    {
        oversight.HasKey(o => new { o.OverseerUnitId, o.OverseenUnitId });
        oversight.HasIndex(o => o.OverseenUnitId);
        oversight.HasOne(o => o.OverseerUnit).WithMany().HasForeignKey(o => o.OverseerUnitId).OnDelete(DeleteBehavior.Cascade);
        oversight.HasOne(o => o.OverseenUnit).WithMany().HasForeignKey(o => o.OverseenUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
