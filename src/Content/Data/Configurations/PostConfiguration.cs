using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcSite.Content.Data.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.HasIndex(p => new { p.UnitId, p.Slug }).IsUnique();
        // The public lists filter by status and order by publication time; a unit's lists (one kind, or all) by unit first,
        // so that a quiet unit's page reads its own few posts, not every published post of the site.
        post.HasIndex(p => new { p.Status, p.PublishAt });
        post.HasIndex(p => new { p.UnitId, p.Kind, p.Status, p.PublishAt });
        post.HasIndex(p => new { p.UnitId, p.Status, p.PublishAt });
        // Scheduled publishing looks for the next take-down among published posts (ScheduledPublishing.NextDueAsync).
        post.HasIndex(p => new { p.Status, p.UnpublishAt });
        post.Property(p => p.Slug).HasMaxLength(200);
        post.Property(p => p.Title).HasMaxLength(PostDraft.MaxTitle);
        post.Property(p => p.IssuingUnitName).HasMaxLength(200);
        post.Property(p => p.Summary).HasMaxLength(PostDraft.MaxSummary);
        post.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        post.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        post.Property(p => p.Audience).HasConversion<string>().HasMaxLength(30);
        post.Property(p => p.Version).IsConcurrencyToken();
        post.Property(p => p.AuthorId).HasMaxLength(450);
        post.Property(p => p.LastEditorId).HasMaxLength(450);
        post.Property(p => p.ApproverId).HasMaxLength(450);
        post.Property(p => p.ReviewNote).HasMaxLength(PostWorkflow.MaxNote);
        post.Property(p => p.Retirement).HasConversion<string>().HasMaxLength(30);
        post.HasOne<Post>().WithMany().HasForeignKey(p => p.ReplacedByPostId).OnDelete(DeleteBehavior.SetNull);

        post.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        post.HasOne(p => p.Category).WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
        post.HasOne(p => p.CoverImage).WithMany().HasForeignKey(p => p.CoverImageId).OnDelete(DeleteBehavior.SetNull);
        post.HasMany(p => p.Tags).WithMany(t => t.Posts).UsingEntity("PostTags");
        post.HasMany(p => p.Attachments).WithOne().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
        post.HasMany(p => p.Relations).WithOne().HasForeignKey(r => r.FromPostId).OnDelete(DeleteBehavior.Cascade);
        post.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);

        post.OwnsOne(p => p.Document, document =>
        {
            document.Property(d => d.Number).HasMaxLength(PostDraft.MaxDocumentNumber);
            document.Property(d => d.Type).HasConversion<string>().HasMaxLength(30);
            document.Property(d => d.Issuer).HasMaxLength(PostDraft.MaxDocumentParty);
            document.Property(d => d.Signer).HasMaxLength(PostDraft.MaxDocumentParty);
            document.Property(d => d.Abstract).HasMaxLength(PostDraft.MaxDocumentAbstract);
            document.HasIndex(d => d.Number);
        });
        // A video part has no required column, so it gets its own table: a row means "this post has a video".
        post.OwnsOne(p => p.Video, video =>
        {
            video.ToTable("PostVideos");
            video.Property(v => v.ExternalUrl).HasMaxLength(PostDraft.MaxVideoUrl);
            video.HasOne(v => v.File).WithMany().HasForeignKey(v => v.FileId).OnDelete(DeleteBehavior.SetNull);
            video.HasOne(v => v.Poster).WithMany().HasForeignKey(v => v.PosterId).OnDelete(DeleteBehavior.SetNull);
            video.HasOne(v => v.Captions).WithMany().HasForeignKey(v => v.CaptionsId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
