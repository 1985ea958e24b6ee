using System.Text;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Plans;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Posts;

public abstract record SaveOutcome
{
    public sealed record Saved(Post Post) : SaveOutcome;
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : SaveOutcome;
    /// <summary>Someone else saved first; <see cref="Current"/> is their version, and nothing of ours was written.</summary>
    public sealed record Conflict(Post Current) : SaveOutcome;
    public sealed record Refused(string Reason) : SaveOutcome;
}

/// <summary>
/// Every change an editor makes to a post. Each save writes the post and its revision in one transaction;
/// the caller has already checked the user's permission for the post's unit.
/// </summary>
public sealed class PostEditing(CchcDbContext db, TimeProvider clock, AuditLog audit)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Post?> FindAsync(int id, CancellationToken ct) =>
        db.Posts.Include(p => p.Tags).Include(p => p.Unit).Include(p => p.Attachments).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<SaveOutcome> CreateAsync(int unitId, PostKind kind, PostDraft draft, Actor actor, CancellationToken ct)
    {
        var errors = await ValidateAsync(draft, kind, unitId, ct);
        if (errors.Count > 0)
            return new SaveOutcome.Invalid(errors);
        var post = new Post
        {
            UnitId = unitId, Kind = kind, Slug = "", Title = "", Status = PostStatus.Draft,
            AuthorId = actor.UserId, CreatedAt = Now,
        };
        db.Posts.Add(post);
        return await WriteAsync(post, kind, draft, actor, AuditActions.PostCreated, ct);
    }

    public async Task<SaveOutcome> UpdateAsync(Post post, Guid expectedVersion, PostDraft draft, Actor actor, CancellationToken ct)
    {
        var errors = await ValidateAsync(draft, post.Kind, post.UnitId, ct);
        if (errors.Count > 0)
            return new SaveOutcome.Invalid(errors);
        // The version the editor started from decides: a save based on an older one is a conflict.
        db.Entry(post).Property(p => p.Version).OriginalValue = expectedVersion;
        return await WriteAsync(post, post.Kind, draft, actor, AuditActions.PostEdited, ct);
    }

    public async Task<SaveOutcome> StepAsync(Post post, Guid expectedVersion, WorkflowStep step, UserGrants user, Actor actor, string? note,
        CancellationToken ct, RetirementReason? retirement = null, int? replacedBy = null)
    {
        var decision = PostWorkflow.Check(post, step, user, post.Unit.AllowSelfPublishing);
        if (!decision.Allowed)
            return new SaveOutcome.Refused(decision.Reason!);
        if (step == WorkflowStep.Unpublish && await RetirementProblemAsync(post, retirement, replacedBy, note, ct) is { } problem)
            return new SaveOutcome.Refused(problem);
        db.Entry(post).Property(p => p.Version).OriginalValue = expectedVersion;
        var from = post.Status;
        PostWorkflow.Apply(post, step, user.UserId, Now, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        post.Retirement = step == WorkflowStep.Unpublish ? retirement : step == WorkflowStep.BackToDraft ? null : post.Retirement;
        post.ReplacedByPostId = step == WorkflowStep.Unpublish && retirement == RetirementReason.Replaced ? replacedBy : post.ReplacedByPostId;
        post.Version = Guid.NewGuid();
        audit.Record(actor, AuditActions.PostStep,
            $"\"{post.Title}\": {from.Vietnamese()} → {post.Status.Vietnamese()}{(post.ReviewNote is null ? "" : $" ({post.ReviewNote})")}",
            nameof(Post), post.Id.ToString(), post.UnitId);
        return await SaveAsync(post, ct);
    }

    /// <summary>The draft's own rules, and references that must exist (a stale or tampered category id is a message, not a crash).</summary>
    private async Task<IReadOnlyDictionary<string, string>> ValidateAsync(PostDraft draft, PostKind kind, int unitId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(draft.Validate(kind));
        if (draft.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            errors[nameof(PostDraft.CategoryId)] = "Lĩnh vực đã chọn không còn. Vui lòng chọn lại.";
        // Files come only from the post's own unit: an editor cannot pull another unit's media into a post.
        if (draft.CoverImageId is { } coverId
            && !await db.MediaAssets.AnyAsync(a => a.Id == coverId && a.UnitId == unitId && a.ContentType.StartsWith("image/"), ct))
            errors[nameof(PostDraft.CoverImageId)] = "Ảnh đại diện phải là một ảnh trong thư viện của đơn vị.";
        var attachmentIds = (draft.Attachments ?? []).Select(a => a.MediaAssetId).Distinct().ToList();
        if (attachmentIds.Count > 0
            && await db.MediaAssets.CountAsync(a => attachmentIds.Contains(a.Id) && a.UnitId == unitId && !a.ContentType.StartsWith("image/"), ct) != attachmentIds.Count)
            errors[nameof(PostDraft.Attachments)] = "Tệp đính kèm phải là tệp (PDF, DOCX, XLSX) trong thư viện của đơn vị.";
        if (draft.PlanItemId is { } itemId && !await db.PlanItems.LinkableBy([unitId]).AnyAsync(i => i.Id == itemId, ct))
            errors[nameof(PostDraft.PlanItemId)] = "Chỉ gắn bài với nhiệm vụ trong kế hoạch của đơn vị, hoặc nhiệm vụ đơn vị chủ trì hay phối hợp.";
        return errors;
    }

    /// <summary>Taking a post down needs a reason; "replaced" needs a public replacement, "withdrawn" an explanation for readers.</summary>
    private async Task<string?> RetirementProblemAsync(Post post, RetirementReason? retirement, int? replacedBy, string? note, CancellationToken ct)
    {
        var now = Now;
        return retirement switch
        {
            null => "Vui lòng chọn lý do gỡ bài.",
            RetirementReason.Replaced when replacedBy is null || replacedBy == post.Id
                || !await db.Posts.VisibleAt(now).AnyAsync(p => p.Id == replacedBy, ct) => "Vui lòng nhập số của một bài đang đăng để thay thế.",
            RetirementReason.Withdrawn when string.IsNullOrWhiteSpace(note) => "Vui lòng nhập lời giải thích hiện cho người đọc.",
            _ => null,
        };
    }

    public Task<List<PostRevision>> RevisionsAsync(int postId, CancellationToken ct) =>
        db.Set<PostRevision>().AsNoTracking().Where(r => r.PostId == postId).OrderByDescending(r => r.Number).ToListAsync(ct);

    private async Task<SaveOutcome> WriteAsync(Post post, PostKind kind, PostDraft draft, Actor actor, string action, CancellationToken ct)
    {
        post.Title = draft.Title.Trim().Normalize(NormalizationForm.FormC);
        post.Summary = string.IsNullOrWhiteSpace(draft.Summary) ? null : draft.Summary.Trim().Normalize(NormalizationForm.FormC);
        post.BodyMarkdown = draft.BodyMarkdown.Normalize(NormalizationForm.FormC);
        post.CategoryId = draft.CategoryId;
        post.Audience = draft.Audience;
        // An empty "publish at" on a live post means "unchanged", never "take it down".
        post.PublishAt = draft.PublishAt ?? (post.Status is PostStatus.Published or PostStatus.Scheduled ? post.PublishAt : null);
        post.UnpublishAt = draft.UnpublishAt;
        post.Document = kind == PostKind.Document ? draft.Document ?? new DocumentInfo() : null;
        post.CoverImageId = draft.CoverImageId;
        post.PlanItemId = draft.PlanItemId;
        var attachments = kind == PostKind.Document ? draft.Attachments ?? [] : [];
        post.Attachments.Clear();
        post.Attachments.AddRange(attachments.DistinctBy(a => a.MediaAssetId).Select((a, i) => new Attachment
        {
            MediaAssetId = a.MediaAssetId, Title = string.IsNullOrWhiteSpace(a.Title) ? "Tệp đính kèm" : a.Title.Trim(), SortOrder = i,
        }));
        if (kind == PostKind.Video)
        {
            post.Video ??= new VideoInfo();
            post.Video.ExternalUrl = string.IsNullOrWhiteSpace(draft.VideoUrl) ? null : draft.VideoUrl.Trim();
            post.Video.DurationSeconds = draft.VideoDurationSeconds;
        }
        var wanted = Slug.From(string.IsNullOrWhiteSpace(draft.Slug) ? post.Title : draft.Slug);
        if (wanted.Length == 0)
            wanted = "bai-viet";
        if (wanted != post.Slug)
        {
            // The old address keeps working: it will answer 301 to the new one.
            if (post.Id != 0 && post.Slug.Length > 0)
                db.Set<PostSlugHistory>().Add(new PostSlugHistory { PostId = post.Id, UnitId = post.UnitId, Slug = post.Slug });
            var taken = await db.Posts.Where(p => p.UnitId == post.UnitId && p.Id != post.Id && p.Slug.StartsWith(wanted))
                .Select(p => p.Slug).ToListAsync(ct);
            post.Slug = Slug.Unique(wanted, taken.Contains);
        }
        await SetTagsAsync(post, draft.Tags, ct);
        post.LastEditorId = actor.UserId;
        post.UpdatedAt = Now;
        post.Version = Guid.NewGuid();

        var number = post.Id == 0 ? 1 : await db.Set<PostRevision>().Where(r => r.PostId == post.Id).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        var revision = new PostRevision
        {
            Number = number, CreatedAt = Now, UserId = actor.UserId, Title = post.Title, Summary = post.Summary,
            BodyMarkdown = post.BodyMarkdown, FieldsJson = draft.FieldsJson(),
        };
        post.Revisions.Add(revision);
        // A new post's id exists only after the first save; the audit entry naming it commits in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await SaveAsync(post, ct);
        if (outcome is SaveOutcome.Saved)
        {
            audit.Record(actor, action, $"\"{post.Title}\" – phiên bản {number}", nameof(Post), post.Id.ToString(), post.UnitId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return outcome;
    }

    private async Task<SaveOutcome> SaveAsync(Post post, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveOutcome.Saved(post);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(post.Id, ct);
            return current is null ? new SaveOutcome.Refused("Bài viết đã bị xóa.") : new SaveOutcome.Conflict(current);
        }
    }

    private async Task SetTagsAsync(Post post, IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim().Normalize(NormalizationForm.FormC)).Where(n => n.Length > 0)
            .DistinctBy(Slug.From).ToDictionary(Slug.From);
        post.Tags.RemoveAll(t => !wanted.ContainsKey(t.Slug));
        var missing = wanted.Keys.Except(post.Tags.Select(t => t.Slug)).ToList();
        var existing = await db.Tags.Where(t => missing.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, ct);
        foreach (var slug in missing)
            post.Tags.Add(existing.GetValueOrDefault(slug) ?? new Tag { Slug = slug, Name = wanted[slug] });
    }
}
