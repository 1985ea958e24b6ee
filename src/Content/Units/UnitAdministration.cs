using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Units;

/// <summary>What an administrator may set on a unit. The address (slug) is set once, at creation.</summary>
public sealed record UnitDraft(
    string Name,
    string ShortName,
    UnitKind Kind,
    int? ParentId,
    string? Description,
    UnitContact Contact,
    int SortOrder,
    bool AllowSelfPublishing,
    string? Slug = null,
    bool AcceptsSubUnitPostsAutomatically = true);

/// <summary>A unit as the administration list shows it, active or not.</summary>
public sealed record UnitAdminRow(int Id, string Slug, string Name, string ShortName, UnitKind Kind, int? ParentId, int Depth,
    bool IsActive, bool AllowSelfPublishing, string? MergedIntoName, int PostCount, int MemberCount);

/// <summary>What a merger moved, for the administrator's confirmation and the audit log.</summary>
public sealed record MergeSummary(int Posts, int RenamedPosts, int Media, int SubUnits, int Submissions, int Plans, IReadOnlyList<string> AccountsLeftBehind);

/// <summary>
/// Administrators reorganise units here: create, edit (rename, move in the tree), deactivate and merge. Units are
/// reorganised for real (district level abolished on 1 July 2025, provinces merged), so a merger moves the merged
/// unit's content to the receiving unit and keeps the merged unit's row, inactive, as the source of its old addresses.
/// Each change comes to the unit's id (the merger to what it moved).
/// </summary>
public sealed class UnitAdministration(CchcDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The merger form's field naming the receiving unit.</summary>
    public const string MergeTargetField = "intoId";

    public async Task<IReadOnlyList<UnitAdminRow>> ListAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        var posts = await db.Posts.GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var members = await db.UnitMemberships.GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var childrenOf = units.ToLookup(u => u.ParentId);
        var rows = new List<UnitAdminRow>(units.Count);

        void Add(Unit unit, int depth)
        {
            rows.Add(new UnitAdminRow(unit.Id, unit.Slug, unit.Name, unit.ShortName, unit.Kind, unit.ParentId, depth, unit.IsActive,
                unit.AllowSelfPublishing, unit.MergedIntoId is { } into ? names.GetValueOrDefault(into) : null,
                posts.GetValueOrDefault(unit.Id), members.GetValueOrDefault(unit.Id)));
            foreach (var child in childrenOf[unit.Id])
                Add(child, depth + 1);
        }

        foreach (var root in childrenOf[null])
            Add(root, 0);
        return rows;
    }

    public Task<Unit?> FindAsync(int id, CancellationToken ct) => db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);

    public async Task<Outcome<int>> CreateAsync(UnitDraft draft, Actor actor, CancellationToken ct)
    {
        var slug = Slug.From(string.IsNullOrWhiteSpace(draft.Slug) ? draft.ShortName : draft.Slug);
        if (slug.Length == 0)
            return new Outcome<int>.Invalid(nameof(UnitDraft.Slug), "Địa chỉ chuyên trang phải có ít nhất một chữ cái hoặc chữ số.");
        if (slug.Length > 80)
            return new Outcome<int>.Invalid(nameof(UnitDraft.Slug), "Địa chỉ chuyên trang không quá 80 ký tự.");
        if (ReservedSlugs.Contains(slug))
            return new Outcome<int>.Invalid(nameof(UnitDraft.Slug), $"Địa chỉ “{slug}” trùng với một trang của hệ thống; hãy chọn địa chỉ khác.");
        if (await db.Units.AnyAsync(u => u.Slug == slug, ct))
            return new Outcome<int>.Invalid(nameof(UnitDraft.Slug), $"Địa chỉ “{slug}” đã có đơn vị dùng (kể cả đơn vị đã ngừng hoặc đã sáp nhập); hãy chọn địa chỉ khác.");
        if (await ParentErrorAsync(draft.ParentId, null, ct) is { } parentError)
            return new Outcome<int>.Invalid(nameof(UnitDraft.ParentId), parentError);

        var unit = new Unit { Slug = slug, Name = draft.Name.Trim(), ShortName = draft.ShortName.Trim() };
        Apply(unit, draft);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.UnitChanged, $"Tạo đơn vị {unit.Name} (/{unit.Slug})", "Unit", unit.Id.ToString(), unit.Id);
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(unit.Id);
    }

    public async Task<Outcome<int>> UpdateAsync(int id, UnitDraft draft, Actor actor, CancellationToken ct)
    {
        if (await UnmergedAsync(id, ct) is not { } unit)
            return new Outcome<int>.NotFound("Không tìm thấy đơn vị, hoặc đơn vị đã sáp nhập.");
        if (await ParentErrorAsync(draft.ParentId, id, ct) is { } parentError)
            return new Outcome<int>.Invalid(nameof(UnitDraft.ParentId), parentError);

        var changes = new List<string>();
        if (unit.Name != draft.Name.Trim())
            changes.Add($"đổi tên “{unit.Name}” thành “{draft.Name.Trim()}”");
        if (unit.ParentId != draft.ParentId)
            changes.Add("chuyển vị trí trong cây đơn vị");
        if (unit.AllowSelfPublishing != draft.AllowSelfPublishing)
            changes.Add(draft.AllowSelfPublishing ? "cho phép tự duyệt bài" : "bỏ cho phép tự duyệt bài");
        if (unit.AcceptsSubUnitPostsAutomatically != draft.AcceptsSubUnitPostsAutomatically)
            changes.Add(SubUnitIntakeChange(draft.AcceptsSubUnitPostsAutomatically));
        Apply(unit, draft);
        unit.Name = draft.Name.Trim();
        unit.ShortName = draft.ShortName.Trim();
        audit.Record(actor, AuditActions.UnitChanged,
            $"Sửa đơn vị {unit.Name}" + (changes.Count > 0 ? ": " + string.Join("; ", changes) : ""), "Unit", unit.Id.ToString(), unit.Id);
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(unit.Id);
    }

    /// <summary>How the audit log words a change of <see cref="Unit.AcceptsSubUnitPostsAutomatically"/>, by an administrator or the unit's board.</summary>
    public static string SubUnitIntakeChange(bool automatic) =>
        automatic ? "tự động nhận bài của đơn vị trực thuộc" : "chỉ nhận bài đơn vị trực thuộc do Tổ Biên tập chọn";

    /// <summary>A deactivated unit disappears from the public site and the editor area; its content stays and comes back with it.</summary>
    public async Task<Outcome<int>> SetActiveAsync(int id, bool active, Actor actor, CancellationToken ct)
    {
        if (await UnmergedAsync(id, ct) is not { } unit)
            return new Outcome<int>.NotFound("Không tìm thấy đơn vị, hoặc đơn vị đã sáp nhập.");
        if (!active && await db.Units.AnyAsync(u => u.ParentId == id && u.IsActive, ct))
            return new Outcome<int>.Refused("Đơn vị còn đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc ngừng các đơn vị đó trước.");
        if (active && unit.ParentId is { } parentId && !await db.Units.AnyAsync(u => u.Id == parentId && u.IsActive, ct))
            return new Outcome<int>.Refused("Đơn vị cấp trên đang ngừng hoạt động: hãy mở lại đơn vị cấp trên trước.");
        unit.IsActive = active;
        audit.Record(actor, AuditActions.UnitChanged, $"{(active ? "Mở lại" : "Ngừng hoạt động")} đơn vị {unit.Name}", "Unit", unit.Id.ToString(), unit.Id);
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(unit.Id);
    }

    /// <summary>
    /// Merges <paramref name="fromId"/> into <paramref name="intoId"/> in one transaction: posts (keeping the issuing
    /// unit's name as it was), their old addresses, media, citizens' questions and feedback, plans and sub-units move; the merged unit stays as an inactive
    /// row that redirects. Accounts are not moved: being an editor of the receiving unit is a new grant an
    /// administrator gives on purpose, so the outcome lists who lost their unit.
    /// </summary>
    public async Task<Outcome<MergeSummary>> MergeAsync(int fromId, int intoId, Actor actor, CancellationToken ct)
    {
        if (fromId == intoId)
            return new Outcome<MergeSummary>.Invalid(MergeTargetField, "Hãy chọn một đơn vị khác để sáp nhập vào.");
        var units = await db.Units.ToListAsync(ct);
        var from = units.FirstOrDefault(u => u.Id == fromId);
        var into = units.FirstOrDefault(u => u.Id == intoId);
        if (from is null)
            return new Outcome<MergeSummary>.NotFound("Không tìm thấy đơn vị.");
        if (into is null)
            return new Outcome<MergeSummary>.Invalid(MergeTargetField, "Không tìm thấy đơn vị.");
        if (!from.IsActive || !into.IsActive)
            return new Outcome<MergeSummary>.Refused("Chỉ sáp nhập được giữa hai đơn vị đang hoạt động.");
        if (IsAncestor(from.Id, into, units))
            return new Outcome<MergeSummary>.Refused($"{into.ShortName} trực thuộc {from.ShortName}: không sáp nhập đơn vị cấp trên vào đơn vị cấp dưới của nó.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var takenSlugs = (await db.Posts.Where(p => p.UnitId == into.Id).Select(p => p.Slug).ToListAsync(ct)).ToHashSet();
        var history = await db.Set<PostSlugHistory>().Where(h => h.UnitId == from.Id || h.UnitId == into.Id).ToListAsync(ct);
        takenSlugs.UnionWith(history.Where(h => h.UnitId == into.Id).Select(h => h.Slug));
        var posts = await db.Posts.Where(p => p.UnitId == from.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var renamed = 0;
        foreach (var post in posts)
        {
            post.UnitId = into.Id;
            post.IssuingUnitName ??= from.Name;
            // Anyone with the post open in the editor must reload rather than save over the move.
            post.Version = Guid.NewGuid();
            if (takenSlugs.Contains(post.Slug))
            {
                // The receiving unit already uses the address: the old one keeps answering, with a 301 to the new one.
                db.Set<PostSlugHistory>().Add(new PostSlugHistory { PostId = post.Id, UnitId = into.Id, Slug = post.Slug });
                post.Slug = Slug.Unique(post.Slug, takenSlugs.Contains);
                renamed++;
            }
            takenSlugs.Add(post.Slug);
        }
        foreach (var old in history.Where(h => h.UnitId == from.Id))
        {
            if (takenSlugs.Add(old.Slug))
                old.UnitId = into.Id;
            else
                db.Remove(old);
        }

        // Citizens' questions and feedback move too: open ones go on at the receiving unit, with the move in their
        // history; answered ones keep naming the merged unit as the one that answered.
        var submissions = await db.Submissions.Where(q => q.UnitId == from.Id).ToListAsync(ct);
        foreach (var submission in submissions)
        {
            submission.UnitId = into.Id;
            submission.Version = Guid.NewGuid();
            if (submission.Status.IsOpen())
                db.Add(new SubmissionEvent
                {
                    SubmissionId = submission.Id, At = now, Step = SubmissionStep.Forwarded, UserId = actor.UserId, UserName = actor.UserName,
                    UnitId = into.Id, Note = $"Chuyển do sáp nhập {from.Name} vào {into.Name}",
                });
        }

        // The merged unit's plans become the receiving unit's, and rows it led or coordinated in any plan now name the
        // receiving unit as that unit, while keeping the name the plan was written with.
        var plans = await db.Plans.Where(p => p.UnitId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.UnitId, into.Id), ct);
        foreach (var item in await db.PlanItems.Where(i => i.LeadUnitId == from.Id || i.Coordinators.Any(c => c.UnitId == from.Id)).ToListAsync(ct))
        {
            if (item.LeadUnitId == from.Id)
                item.LeadUnitId = into.Id;
            foreach (var coordinator in item.Coordinators.Where(c => c.UnitId == from.Id))
                coordinator.UnitId = into.Id;
        }

        var media = await db.MediaAssets.Where(m => m.UnitId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.UnitId, into.Id), ct);
        var children = units.Where(u => u.ParentId == from.Id).ToList();
        foreach (var child in children)
            child.ParentId = into.Id;
        var leftBehind = await db.UnitMemberships.Where(m => m.UnitId == from.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email ?? u.UserName ?? u.Id).Distinct().OrderBy(e => e).ToListAsync(ct);

        from.IsActive = false;
        from.MergedIntoId = into.Id;
        from.MergedAt = now;
        var outcome = new MergeSummary(posts.Count, renamed, media, children.Count, submissions.Count, plans, leftBehind);
        audit.Record(actor, AuditActions.UnitMerged,
            $"Sáp nhập {from.Name} vào {into.Name}: chuyển {outcome.Posts} bài ({outcome.RenamedPosts} đổi địa chỉ), {outcome.Media} ảnh/tệp, "
            + $"{outcome.SubUnits} đơn vị trực thuộc, {outcome.Submissions} câu hỏi và phản ánh, {outcome.Plans} kế hoạch",
            "Unit", from.Id.ToString(), into.Id);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<MergeSummary>.Ok(outcome);
    }

    /// <summary>The unit to change, tracked; a merged unit is history and stays as the merger left it.</summary>
    private Task<Unit?> UnmergedAsync(int id, CancellationToken ct) => db.Units.FirstOrDefaultAsync(u => u.Id == id && u.MergedIntoId == null, ct);

    private static void Apply(Unit unit, UnitDraft draft)
    {
        unit.Kind = draft.Kind;
        unit.ParentId = draft.ParentId;
        unit.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        unit.Contact = new UnitContact
        {
            Address = Trimmed(draft.Contact.Address), Phone = Trimmed(draft.Contact.Phone),
            Hotline = Trimmed(draft.Contact.Hotline), Email = Trimmed(draft.Contact.Email),
        };
        unit.SortOrder = draft.SortOrder;
        unit.AllowSelfPublishing = draft.AllowSelfPublishing;
        unit.AcceptsSubUnitPostsAutomatically = draft.AcceptsSubUnitPostsAutomatically;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The parent must be an active unit and not the unit itself or one of its descendants (the tree would close into a loop).</summary>
    private async Task<string?> ParentErrorAsync(int? parentId, int? unitId, CancellationToken ct)
    {
        if (parentId is null)
            return null;
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var parent = units.FirstOrDefault(u => u.Id == parentId);
        if (parent is null || !parent.IsActive)
            return "Đơn vị cấp trên không tồn tại hoặc đã ngừng hoạt động.";
        if (unitId is { } id && (parentId == id || IsAncestor(id, parent, units)))
            return "Không thể đặt đơn vị dưới chính nó hoặc dưới một đơn vị trực thuộc của nó.";
        return null;
    }

    private static bool IsAncestor(int ancestorId, Unit unit, IReadOnlyList<Unit> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        for (var parentId = unit.ParentId; parentId is { } id; parentId = byId.GetValueOrDefault(id)?.ParentId)
            if (id == ancestorId)
                return true;
        return false;
    }
}
