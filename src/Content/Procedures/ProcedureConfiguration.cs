using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Procedures;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> procedure)
    {
        procedure.HasIndex(p => p.Code).IsUnique();
        procedure.HasIndex(p => new { p.Status, p.FieldId });
        procedure.Property(p => p.Code).HasMaxLength(ProcedureRules.MaxCode);
        procedure.Property(p => p.Name).HasMaxLength(ProcedureRules.MaxName).UseCollation(VietnameseCollation.Name);
        procedure.Property(p => p.FoldedName).HasMaxLength(ProcedureRules.MaxName);
        procedure.Property(p => p.ProcedureType).HasMaxLength(ProcedureRules.MaxShort);
        procedure.Property(p => p.ImplementingBody).HasMaxLength(ProcedureRules.MaxShort);
        procedure.Property(p => p.CompetentBody).HasMaxLength(ProcedureRules.MaxShort);
        procedure.Property(p => p.WhereToSubmit).HasMaxLength(ProcedureRules.MaxText);
        procedure.Property(p => p.ProcessingTime).HasMaxLength(ProcedureRules.MaxText);
        procedure.Property(p => p.Fees).HasMaxLength(ProcedureRules.MaxText);
        procedure.Property(p => p.FeeAmount).HasPrecision(14, 0);
        procedure.Property(p => p.Subjects).HasMaxLength(ProcedureRules.MaxText);
        procedure.Property(p => p.Result).HasMaxLength(ProcedureRules.MaxText);
        procedure.Property(p => p.Requirements).HasMaxLength(ProcedureRules.MaxLongText);
        procedure.Property(p => p.PortalUrl).HasMaxLength(ProcedureRules.MaxUrl);
        procedure.Property(p => p.DecisionNumber).HasMaxLength(ProcedureRules.MaxDecisionNumber);
        procedure.Property(p => p.ReplacedByCode).HasMaxLength(ProcedureRules.MaxCode);
        procedure.Property(p => p.OnlineLevel).HasConversion<string>().HasMaxLength(20);
        procedure.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        procedure.Property(p => p.Version).IsConcurrencyToken();
        procedure.HasOne(p => p.Field).WithMany().HasForeignKey(p => p.FieldId).OnDelete(DeleteBehavior.Restrict);
        procedure.HasOne(p => p.Level).WithMany().HasForeignKey(p => p.LevelId).OnDelete(DeleteBehavior.Restrict);
        procedure.HasOne(p => p.DecisionPost).WithMany().HasForeignKey(p => p.DecisionPostId).OnDelete(DeleteBehavior.SetNull);
        // The lists of a procedure are read and written with it, never queried alone: one JSON column each. Complex
        // collections, not owned entities: values without keys or change tracking of their own, which costs an import of
        // thousands of procedures far less than tens of thousands of tracked owned entities.
        procedure.ComplexCollection(p => p.Ways, way =>
        {
            way.ToJson();
            way.Property(w => w.Channel).HasConversion<string>();
        });
        procedure.ComplexCollection(p => p.Dossier, component => component.ToJson());
        procedure.ComplexCollection(p => p.LegalBases, basis => basis.ToJson());
        procedure.HasMany(p => p.Units).WithOne().HasForeignKey(u => u.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        procedure.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.ProcedureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcedureTermConfiguration : IEntityTypeConfiguration<ProcedureTerm>
{
    public void Configure(EntityTypeBuilder<ProcedureTerm> term)
    {
        term.HasIndex(t => new { t.List, t.Slug }).IsUnique();
        term.Property(t => t.List).HasConversion<string>().HasMaxLength(20);
        term.Property(t => t.Slug).HasMaxLength(80);
        term.Property(t => t.Name).HasMaxLength(ProcedureRules.MaxShort).UseCollation(VietnameseCollation.Name);
    }
}

internal sealed class ProcedureUnitConfiguration : IEntityTypeConfiguration<ProcedureUnit>
{
    public void Configure(EntityTypeBuilder<ProcedureUnit> link)
    {
        link.HasKey(u => new { u.ProcedureId, u.UnitId });
        link.HasIndex(u => u.UnitId);
        link.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureRevisionConfiguration : IEntityTypeConfiguration<ProcedureRevision>
{
    public void Configure(EntityTypeBuilder<ProcedureRevision> revision)
    {
        revision.HasIndex(r => new { r.ProcedureId, r.Number }).IsUnique();
        revision.HasIndex(r => r.DecisionNumber);
        revision.Property(r => r.UserId).HasMaxLength(450);
        revision.Property(r => r.Source).HasMaxLength(60);
        revision.Property(r => r.Change).HasConversion<string>().HasMaxLength(20);
        revision.Property(r => r.DecisionNumber).HasMaxLength(ProcedureRules.MaxDecisionNumber);
    }
}
