using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Plans;
using CchcSite.Content.Subscriptions;
using CchcSite.Content.Text;
using CchcSite.Content.Videos;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Posts;

/// <summary>
/// Every change an editor makes to a post. Each save writes the post and its revision in one transaction;
/// the caller has already checked the user's permission for the post's unit. Once readers have seen a post, a save
/// writes a pending change instead (see <see cref="PendingChange"/>) and the live text moves only when it is approved.
/// </summary>
public sealed class PostEditing(CchcDbContext db, TimeProvider clock, AuditLog audit, VideoEmbeds embeds)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Post?> FindAsync(int id, CancellationToken ct) =>
        db.Posts.Include(p => p.Tags).Include(p => p.Unit).Include(p => p.Attachments)
            .Include(p => p.PendingChange).ThenInclude(c => c!.Revision)
            .FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Outcome<Post>> CreateAsync(int unitId, PostKind kind, PostDraft draft, Actor actor, CancellationToken ct)
    {
        var errors = await ValidateAsync(draft, kind, unitId, ct);
        if (errors.Count > 0)
            return Outcome<Post>.Invalid.Of(errors);
        var post = new Post
        {
            UnitId = unitId, Kind = kind, Slug = "", Title = "", Status = PostStatus.Draft,
            AuthorId = actor.UserId, CreatedAt = Now,
        };
        db.Posts.Add(post);
        return await WriteDirectlyAsync(post, draft.Canonical(kind), actor, AuditActions.PostCreated, ct);
    }

    /// <summary>
    /// Saves what the editor typed: into the post while no reader has seen it, otherwise into its pending change, with
    /// the times applied at once only where the user may decide them (<see cref="PostWorkflow.CheckTimes"/>).
    /// </summary>
    public async Task<Outcome<Post>> UpdateAsync(Post post, Guid expectedVersion, PostDraft draft, UserGrants user, Actor actor, CancellationToken ct)
    {
        var reviewed = PostWorkflow.ChangesNeedReview(post);
        var errors = await ValidateAsync(draft, post.Kind, post.UnitId, ct);
        if (reviewed)
            foreach (var (field, error) in PostWorkflow.CheckTimes(post, draft, user))
                errors[field] = error;
        if (errors.Count > 0)
            return Outcome<Post>.Invalid.Of(errors);
        // The version the editor started from decides: a save based on an older one is a conflict.
        db.Entry(post).Property(p => p.Version).OriginalValue = expectedVersion;
        var canonical = draft.Canonical(post.Kind);
        return reviewed
            ? await ProposeAsync(post, canonical, actor, ct)
            : await WriteDirectlyAsync(post, canonical, actor, AuditActions.PostEdited, ct);
    }

    public async Task<Outcome<Post>> StepAsync(Post post, Guid expectedVersion, WorkflowStep step, UserGrants user, Actor actor, string? note,
        CancellationToken ct, RetirementReason? retirement = null, int? replacedBy = null)
    {
        var decision = PostWorkflow.Check(post, step, user, post.Unit.AllowSelfPublishing);
        if (!decision.Allowed)
            return new Outcome<Post>.Refused(decision.Reason!);
        if (step == WorkflowStep.Unpublish && await RetirementProblemAsync(post, retirement, replacedBy, note, ct) is { } problem)
            return new Outcome<Post>.Refused(problem);
        if (note is not null && note.Trim().Length > PostWorkflow.MaxNote)
            return new Outcome<Post>.Refused(TextLimit.TooLong("Ghi chú", PostWorkflow.MaxNote));
        db.Entry(post).Property(p => p.Version).OriginalValue = expectedVersion;
        var before = Describe(post);
        var comment = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (PostWorkflow.TakesChangeText(post, step))
        {
            // The change was valid when saved; what it refers to (a category, a file) may have gone since.
            var change = RevisionComparison.ToDraft(post.PendingChange!.Revision).Canonical(post.Kind);
            var errors = await ValidateAsync(change, post.Kind, post.UnitId, ct);
            if (errors.Count > 0)
                return new Outcome<Post>.Refused("Thay đổi chờ duyệt không còn hợp lệ: " + string.Join(" ", errors.Values) + " Vui lòng sửa lại thay đổi.");
            await CopyTextAsync(post, change, ct);
        }
        var wasPublished = post.Status == PostStatus.Published;
        PostWorkflow.Apply(post, step, user.UserId, Now, comment);
        // Subscribers hear of it in the same transaction as the publish; a post approved for later, when it goes out.
        if (!wasPublished && post.Status == PostStatus.Published)
            SubscriptionAlerts.Published(db, post, Now);
        post.Retirement = step == WorkflowStep.Unpublish ? retirement : step == WorkflowStep.BackToDraft ? null : post.Retirement;
        post.ReplacedByPostId = step == WorkflowStep.Unpublish && retirement == RetirementReason.Replaced ? replacedBy : post.ReplacedByPostId;
        post.Version = Guid.NewGuid();
        audit.Record(actor, AuditActions.PostStep,
            $"\"{post.Title}\": {before} → {(step == WorkflowStep.Discard ? "thay đổi đã hủy" : Describe(post))}{(comment is null ? "" : $" ({comment})")}",
            nameof(Post), post.Id.ToString(), post.UnitId);
        return await SaveAsync(post, ct);
    }

    /// <summary>
    /// Marks the post "Tin nổi bật" or takes the mark off. The caller has checked the user may publish in the post's unit;
    /// the mark is a decision on how the site presents a post, set on the post itself like its publication times, so it
    /// changes neither the text readers see nor a pending change.
    /// </summary>
    public async Task<Outcome<Post>> SetFeaturedAsync(Post post, Guid expectedVersion, bool featured, Actor actor, CancellationToken ct)
    {
        db.Entry(post).Property(p => p.Version).OriginalValue = expectedVersion;
        if (post.Featured == featured)
            return new Outcome<Post>.Ok(post);
        post.Featured = featured;
        post.Version = Guid.NewGuid();
        audit.Record(actor, AuditActions.PostStep, $"\"{post.Title}\": {(featured ? "đánh dấu tin nổi bật" : "bỏ đánh dấu tin nổi bật")}",
            nameof(Post), post.Id.ToString(), post.UnitId);
        return await SaveAsync(post, ct);
    }

    /// <summary>The post's state, and its pending change's, as the audit log names them.</summary>
    private static string Describe(Post post) =>
        post.PendingChange is { } change ? $"{post.Status.Vietnamese()}, thay đổi {change.Status.Vietnamese().ToLowerInvariant()}" : post.Status.Vietnamese();

    /// <summary>The draft's own rules, and references that must exist (a stale or tampered category id is a message, not a crash).</summary>
    private async Task<Dictionary<string, string>> ValidateAsync(PostDraft draft, PostKind kind, int unitId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(draft.Validate(kind));
        if (draft.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            errors[nameof(PostDraft.CategoryId)] = "Lĩnh vực đã chọn không còn. Vui lòng chọn lại.";
        // A video from elsewhere only from a service the administrator allows; the configuration is read here, not in the draft.
        var externalKey = $"{nameof(PostDraft.Video)}.{nameof(VideoFields.ExternalUrl)}";
        if (kind == PostKind.Video && !errors.ContainsKey(externalKey) && draft.Video?.Canonical().ExternalUrl is { } external
            && embeds.Problem(external) is { } problem)
            errors[externalKey] = problem;
        // Files come only from the post's own unit: an editor cannot pull another unit's media into a post.
        if (draft.CoverImageId is { } coverId
            && !await db.MediaAssets.AnyAsync(a => a.Id == coverId && a.UnitId == unitId && a.ContentType.StartsWith("image/"), ct))
            errors[nameof(PostDraft.CoverImageId)] = "Ảnh đại diện phải là một ảnh trong thư viện của đơn vị.";
        var attachmentIds = (draft.Attachments ?? []).Select(a => a.MediaAssetId).Distinct().ToList();
        if (attachmentIds.Count > 0
            && await db.MediaAssets.CountAsync(a => attachmentIds.Contains(a.Id) && a.UnitId == unitId && a.ContentType.StartsWith(MediaKinds.DocumentPrefix), ct) != attachmentIds.Count)
            errors[nameof(PostDraft.Attachments)] = "Tệp đính kèm phải là tệp (PDF, DOCX, XLSX) trong thư viện của đơn vị.";
        if (kind == PostKind.Video && draft.Video?.FileId is { } videoId
            && !await db.MediaAssets.AnyAsync(a => a.Id == videoId && a.UnitId == unitId && a.ContentType.StartsWith(MediaKinds.VideoPrefix), ct))
            errors[$"{nameof(PostDraft.Video)}.{nameof(VideoFields.FileId)}"] = "Video phải là một video trong thư viện của đơn vị.";
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

    /// <summary>A save of a post no reader has seen: its text and times change now.</summary>
    private async Task<Outcome<Post>> WriteDirectlyAsync(Post post, PostDraft draft, Actor actor, string action, CancellationToken ct)
    {
        post.PublishAt = draft.PublishAt;
        post.UnpublishAt = draft.UnpublishAt;
        await CopyTextAsync(post, draft, ct);
        post.LastEditorId = actor.UserId;
        post.UpdatedAt = Now;
        return await WriteAsync(post, draft, actor, action, "", ct);
    }

    /// <summary>
    /// A save of a post readers have seen. The times apply now (the caller checked the user may set them); the text goes
    /// into the pending change, started here if there is none and the text differs from the live one. The live columns
    /// other than the times and the version are not touched, so the public page, the API and search keep the approved text.
    /// </summary>
    private async Task<Outcome<Post>> ProposeAsync(Post post, PostDraft draft, Actor actor, CancellationToken ct)
    {
        var now = Now;
        var from = (post.PublishAt, post.UnpublishAt);
        if (PostWorkflow.Reschedule(post, draft, now))
            audit.Record(actor, AuditActions.PostStep,
                $"\"{post.Title}\": thời điểm đăng {Time(from.PublishAt)} → {Time(post.PublishAt)}, tự gỡ {Time(from.UnpublishAt)} → {Time(post.UnpublishAt)}",
                nameof(Post), post.Id.ToString(), post.UnitId);
        var proposal = draft with { PublishAt = post.PublishAt, UnpublishAt = post.UnpublishAt };
        post.Version = Guid.NewGuid();
        if (post.PendingChange is null && proposal.SameAs(PostDraft.Of(post)))
            return await SaveAsync(post, ct);
        var change = post.PendingChange ??= new PendingChange { StartedById = actor.UserId, Status = PostStatus.Draft, CreatedAt = now };
        change.LastEditorId = actor.UserId;
        change.UpdatedAt = now;
        return await WriteAsync(post, proposal, actor, AuditActions.PostEdited, " (thay đổi chờ duyệt, bản đang đăng giữ nguyên)", ct);
    }

    private static string Time(DateTime? utc) => utc is { } value ? VietnamTime.FormatDateTime(value) : "không đặt";

    /// <summary>Writes the draft as the next revision (and as the pending change's text when there is one), with the audit entry, in one transaction.</summary>
    private async Task<Outcome<Post>> WriteAsync(Post post, PostDraft draft, Actor actor, string action, string note, CancellationToken ct)
    {
        post.Version = Guid.NewGuid();
        var number = post.Id == 0 ? 1 : await db.Set<PostRevision>().Where(r => r.PostId == post.Id).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        var revision = new PostRevision
        {
            Number = number, CreatedAt = Now, UserId = actor.UserId, Title = draft.Title, Summary = draft.Summary,
            BodyMarkdown = draft.BodyMarkdown, FieldsJson = RevisionFormat.Write(draft), FieldsVersion = RevisionFormat.Current,
        };
        post.Revisions.Add(revision);
        if (post.PendingChange is { } change)
            change.Revision = revision;
        // A new post's id exists only after the first save; the audit entry naming it commits in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcome = await SaveAsync(post, ct);
        if (outcome.IsOk)
        {
            audit.Record(actor, action, $"\"{draft.Title}\" – phiên bản {number}{note}", nameof(Post), post.Id.ToString(), post.UnitId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        return outcome;
    }

    /// <summary>Copies a canonical draft's text and fields, all but the times, into the post.</summary>
    private async Task CopyTextAsync(Post post, PostDraft draft, CancellationToken ct)
    {
        post.Title = draft.Title;
        post.Summary = draft.Summary;
        post.BodyMarkdown = draft.BodyMarkdown;
        post.CategoryId = draft.CategoryId;
        post.Audience = draft.Audience;
        post.Document = draft.Document;
        post.CoverImageId = draft.CoverImageId;
        post.PlanItemId = draft.PlanItemId;
        post.Attachments.Clear();
        post.Attachments.AddRange((draft.Attachments ?? []).Select((a, i) => new Attachment { MediaAssetId = a.MediaAssetId, Title = a.Title, SortOrder = i }));
        if (draft.Video is { } video)
            (post.Video ??= new VideoInfo()).Take(video);
        var wanted = draft.Slug!;
        if (wanted != post.Slug)
        {
            var taken = await db.Posts.Where(p => p.UnitId == post.UnitId && p.Id != post.Id && p.Slug.StartsWith(wanted))
                .Select(p => p.Slug).ToListAsync(ct);
            var slug = Slug.Unique(wanted, taken.Contains);
            // The old address keeps working: it will answer 301 to the new one.
            if (slug != post.Slug && post.Id != 0 && post.Slug.Length > 0)
                db.Set<PostSlugHistory>().Add(new PostSlugHistory { PostId = post.Id, UnitId = post.UnitId, Slug = post.Slug });
            post.Slug = slug;
        }
        await SetTagsAsync(post, draft.Tags, ct);
    }

    private async Task<Outcome<Post>> SaveAsync(Post post, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new Outcome<Post>.Ok(post);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await FindAsync(post.Id, ct);
            // Someone else saved first: the outcome carries their version, and nothing of ours was written.
            return current is null ? new Outcome<Post>.NotFound("Bài viết đã bị xóa.")
                : new Outcome<Post>.Conflict("Bài viết vừa được người khác thay đổi. Vui lòng xem lại rồi thực hiện lại thao tác.", current);
        }
    }

    private async Task SetTagsAsync(Post post, IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = names.ToDictionary(Slug.From);
        post.Tags.RemoveAll(t => !wanted.ContainsKey(t.Slug));
        var missing = wanted.Keys.Except(post.Tags.Select(t => t.Slug)).ToList();
        var existing = await db.Tags.Where(t => missing.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, ct);
        foreach (var slug in missing)
            post.Tags.Add(existing.GetValueOrDefault(slug) ?? new Tag { Slug = slug, Name = wanted[slug] });
    }
}
