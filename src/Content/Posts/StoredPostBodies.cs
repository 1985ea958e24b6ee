using CchcSite.Content.Data;
using CchcSite.Content.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcSite.Content.Posts;

/// <summary>
/// Keeps each post's rendered body (<see cref="Post.BodyHtml"/>) with its Markdown: rendered as the save that changes
/// the Markdown is made, by whichever code makes it, so a page never renders Markdown and never shows a body older
/// than its text. Bodies made by an older renderer are rendered again by <see cref="RefreshAsync"/>; until then a read
/// renders them itself (<see cref="PublishedPosts"/>).
/// </summary>
public sealed class StoredPostBodies(MarkdownRenderer markdown) : SaveChangesInterceptor
{
    private const int RefreshBatch = 100;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Render(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Render(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Render(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var entry in context.ChangeTracker.Entries<Post>())
        {
            var stale = entry.State == EntityState.Added
                        || entry.State == EntityState.Modified
                        && (entry.Property(p => p.BodyMarkdown).IsModified || entry.Entity.BodyHtmlVersion != MarkdownRenderer.Version);
            if (stale)
            {
                entry.Entity.BodyHtml = markdown.ToHtml(entry.Entity.BodyMarkdown);
                entry.Entity.BodyHtmlVersion = MarkdownRenderer.Version;
            }
        }
    }

    /// <summary>
    /// Renders again, in batches, every body an older renderer made (all of them after the renderer's version rises, or
    /// after the upgrade that added the column). A post saved meanwhile already has the current version and is skipped;
    /// the update is by version, not by the text read, so it never overwrites a newer save's body. Returns how many.
    /// </summary>
    public async Task<int> RefreshAsync(CchcDbContext db, CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var stale = await db.Posts.AsNoTracking().Where(p => p.BodyHtmlVersion != MarkdownRenderer.Version)
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.BodyMarkdown }).Take(RefreshBatch).ToListAsync(ct);
            if (stale.Count == 0)
                return done;
            var updated = 0;
            foreach (var post in stale)
            {
                var html = markdown.ToHtml(post.BodyMarkdown);
                updated += await db.Posts.Where(p => p.Id == post.Id && p.BodyHtmlVersion != MarkdownRenderer.Version && p.BodyMarkdown == post.BodyMarkdown)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.BodyHtml, html).SetProperty(p => p.BodyHtmlVersion, MarkdownRenderer.Version), ct);
            }
            // Rows whose text changed under the batch are read again; a batch that moved nothing ends it rather than spin.
            if (updated == 0)
                return done;
            done += updated;
        }
    }
}
