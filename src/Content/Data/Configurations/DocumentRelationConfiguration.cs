using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class DocumentRelationConfiguration : IEntityTypeConfiguration<DocumentRelation>
{
    public void Configure(EntityTypeBuilder<DocumentRelation> relation)
    {
        relation.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        relation.HasOne(r => r.To).WithMany().HasForeignKey(r => r.ToPostId).OnDelete(DeleteBehavior.Cascade);
        relation.HasIndex(r => new { r.FromPostId, r.ToPostId, r.Kind }).IsUnique();
    }
}
