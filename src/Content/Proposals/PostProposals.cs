using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Proposals;

/// <summary>A proposal as the queue, the decision page and the child's post page show it.</summary>
public sealed record ProposalView(int Id, int PostId, string PostTitle, string? PostSummary, UnitRef FromUnit, UnitRef TargetUnit,
    ProposalState State, string? Title, string? Summary, string? DeclineReason,
    DateTime ProposedAt, string ProposedByName, DateTime? DecidedAt, string? DecidedByName);

/// <summary>What the board decides: accept (with its own title and summary if it wishes) or decline with a reason.</summary>
public sealed record ProposalDecision(bool Accept, string? Title, string? Summary, string? Reason);

/// <summary>
/// Articles sent upward (issue 23): a sub-unit's approver offers a published post to one or more ancestors' sections; each
/// ancestor's approvers (its editorial board) accept or decline. Every step asks the one permission table and is audited
/// in the same save.
/// </summary>
public sealed class PostProposals(CchcDbContext db, UnitDirectory units, AuditLog audit, TimeProvider clock)
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    /// <summary>The units a post may be offered to: its unit's ancestors, nearest first.</summary>
    public async Task<IReadOnlyList<UnitRef>> TargetsAsync(int unitId, CancellationToken ct)
    {
        var ancestors = await units.AncestorIdsAsync(unitId, ct);
        var refs = new List<UnitRef>();
        foreach (var id in ancestors)
            if (await units.FindAsync(id, ct) is { } node)
                refs.Add(node.Unit);
        return refs;
    }

    public async Task<Outcome<IReadOnlyList<PostProposal>>> ProposeAsync(int postId, IReadOnlyCollection<int> targetUnitIds, UserGrants user, Actor actor,
        CancellationToken ct)
    {
        if (await db.Posts.AsNoTracking().Where(p => p.Id == postId).Select(p => new { p.UnitId, p.Title, p.Status }).SingleOrDefaultAsync(ct) is not { } post)
            return new Outcome<IReadOnlyList<PostProposal>>.NotFound("Không tìm thấy bài viết.");
        if (!Permissions.Allows(user, EditorAction.ProposePost, post.UnitId))
            return new Outcome<IReadOnlyList<PostProposal>>.Refused("Chỉ lãnh đạo duyệt của đơn vị được đề xuất bài lên đơn vị cấp trên.");
        if (post.Status != PostStatus.Published)
            return new Outcome<IReadOnlyList<PostProposal>>.Refused("Chỉ đề xuất được bài đã đăng.");
        if (targetUnitIds.Count == 0)
            return new Outcome<IReadOnlyList<PostProposal>>.Invalid("targets", "Vui lòng chọn ít nhất một đơn vị cấp trên.");
        var ancestors = await units.AncestorIdsAsync(post.UnitId, ct);
        if (targetUnitIds.Any(id => !ancestors.Contains(id)))
            return new Outcome<IReadOnlyList<PostProposal>>.Invalid("targets", "Chỉ đề xuất được lên đơn vị cấp trên của đơn vị mình.");
        var already = await db.PostProposals.Where(x => x.PostId == postId && targetUnitIds.Contains(x.TargetUnitId)).Select(x => x.TargetUnit.ShortName).ToListAsync(ct);
        if (already.Count > 0)
            return new Outcome<IReadOnlyList<PostProposal>>.Invalid("targets", $"Bài đã được đề xuất lên {string.Join(", ", already)}.");
        var now = clock.GetUtcNow().UtcDateTime;
        var name = await NameOfAsync(actor, ct);
        var added = targetUnitIds.Distinct().Select(target => new PostProposal
        {
            PostId = postId, TargetUnitId = target, State = ProposalState.Pending, ProposedAt = now,
            ProposedById = actor.UserId, ProposedByName = name,
        }).ToList();
        db.PostProposals.AddRange(added);
        foreach (var target in added)
            audit.Record(actor, AuditActions.PostProposed, $"Đề xuất bài \"{post.Title}\" lên {(await units.FindAsync(target.TargetUnitId, ct))!.Unit.Name}",
                "post", postId.ToString(), post.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<IReadOnlyList<PostProposal>>.Ok(added);
    }

    /// <summary>The person's name as the other unit should read it: never their e-mail address.</summary>
    private async Task<string> NameOfAsync(Actor actor, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.FullName, u.UserName }).SingleOrDefaultAsync(ct) is { } user
            ? PersonName.Of(user.FullName, user.UserName)
            : PersonName.Of(null, actor.UserName ?? actor.UserId);

    public async Task<Outcome<PostProposal>> DecideAsync(int id, ProposalDecision decision, UserGrants user, Actor actor, CancellationToken ct)
    {
        if (await db.PostProposals.Include(x => x.Post).Include(x => x.TargetUnit).SingleOrDefaultAsync(x => x.Id == id, ct) is not { } proposal)
            return new Outcome<PostProposal>.NotFound("Không tìm thấy bài đề xuất.");
        if (!Permissions.Allows(user, EditorAction.DecideProposal, proposal.TargetUnitId))
            return new Outcome<PostProposal>.Refused("Chỉ lãnh đạo duyệt của đơn vị nhận đề xuất được quyết định.");
        var errors = Errors(decision).ToList();
        if (errors.Count > 0)
            return Outcome<PostProposal>.Invalid.Of(errors);
        if (proposal.State != ProposalState.Pending)
            return new Outcome<PostProposal>.Conflict("Bài đề xuất này đã được quyết định.", proposal);
        proposal.State = decision.Accept ? ProposalState.Accepted : ProposalState.Declined;
        proposal.Title = decision.Accept ? Trimmed(decision.Title) : null;
        proposal.Summary = decision.Accept ? Trimmed(decision.Summary) : null;
        proposal.DeclineReason = decision.Accept ? null : decision.Reason!.Trim();
        proposal.DecidedAt = clock.GetUtcNow().UtcDateTime;
        proposal.DecidedById = actor.UserId;
        proposal.DecidedByName = await NameOfAsync(actor, ct);
        audit.Record(actor, AuditActions.ProposalDecided,
            $"{(decision.Accept ? "Nhận đăng" : "Từ chối")} bài đề xuất \"{proposal.Post.Title}\" vào trang {proposal.TargetUnit.Name}",
            "post", proposal.PostId.ToString(), proposal.TargetUnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<PostProposal>.Ok(proposal);
    }

    /// <summary>
    /// The board's own choice for its section ("A parent may set 'accept my sub-units' posts automatically'"): audited as the
    /// administrators' unit form audits it. No change is no write and no audit entry.
    /// </summary>
    public async Task<Outcome<Unit>> SetAutomaticAsync(int unitId, bool automatic, UserGrants user, Actor actor, CancellationToken ct)
    {
        if (await db.Units.SingleOrDefaultAsync(u => u.Id == unitId && u.IsActive && u.MergedIntoId == null, ct) is not { } unit)
            return new Outcome<Unit>.NotFound("Không tìm thấy đơn vị.");
        if (!Permissions.Allows(user, EditorAction.ChooseSubUnitIntake, unitId))
            return new Outcome<Unit>.Refused("Chỉ lãnh đạo duyệt của đơn vị được chọn cách nhận bài của đơn vị trực thuộc.");
        if (unit.AcceptsSubUnitPostsAutomatically == automatic)
            return new Outcome<Unit>.Ok(unit);
        unit.AcceptsSubUnitPostsAutomatically = automatic;
        audit.Record(actor, AuditActions.UnitChanged, $"Sửa đơn vị {unit.Name}: {UnitAdministration.SubUnitIntakeChange(automatic)}",
            "Unit", unit.Id.ToString(), unit.Id);
        await db.SaveChangesAsync(ct);
        return new Outcome<Unit>.Ok(unit);
    }

    /// <summary>The form's rules, keyed by its field names.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Errors(ProposalDecision decision)
    {
        if (!decision.Accept && string.IsNullOrWhiteSpace(decision.Reason))
            yield return new("reason", "Vui lòng ghi lý do từ chối.");
        if (decision.Reason?.Trim().Length > ReasonMaxLength)
            yield return new("reason", $"Lý do không quá {ReasonMaxLength} ký tự.");
        if (decision.Title?.Trim().Length > TitleMaxLength)
            yield return new("title", $"Tiêu đề không quá {TitleMaxLength} ký tự.");
        if (decision.Summary?.Trim().Length > SummaryMaxLength)
            yield return new("summary", $"Tóm tắt không quá {SummaryMaxLength} ký tự.");
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The proposals sent to the given units (null: every unit), pending first, then the latest decisions.</summary>
    public Task<List<ProposalView>> QueueAsync(IReadOnlySet<int>? targetUnitIds, ProposalState? state, CancellationToken ct) =>
        Views(db.PostProposals.Where(x => (targetUnitIds == null || targetUnitIds.Contains(x.TargetUnitId)) && (state == null || x.State == state))
            .OrderBy(x => x.State == ProposalState.Pending ? 0 : 1).ThenByDescending(x => x.ProposedAt).ThenByDescending(x => x.Id)).ToListAsync(ct);

    /// <summary>How many proposals wait for a decision in the given units (null: every unit).</summary>
    public Task<int> PendingCountAsync(IReadOnlySet<int>? targetUnitIds, CancellationToken ct) =>
        db.PostProposals.CountAsync(x => (targetUnitIds == null || targetUnitIds.Contains(x.TargetUnitId)) && x.State == ProposalState.Pending, ct);

    /// <summary>Every proposal of a post, as its unit sees the decisions.</summary>
    public Task<List<ProposalView>> OfPostAsync(int postId, CancellationToken ct) =>
        Views(db.PostProposals.Where(x => x.PostId == postId).OrderBy(x => x.ProposedAt).ThenBy(x => x.Id)).ToListAsync(ct);

    public Task<ProposalView?> FindAsync(int id, CancellationToken ct) => Views(db.PostProposals.Where(x => x.Id == id)).SingleOrDefaultAsync(ct);

    private static IQueryable<ProposalView> Views(IQueryable<PostProposal> proposals) => proposals.AsNoTracking().Select(x => new ProposalView(
        x.Id, x.PostId, x.Post.Title, x.Post.Summary,
        new UnitRef(x.Post.Unit.Id, x.Post.Unit.Slug, x.Post.Unit.Name, x.Post.Unit.ShortName, x.Post.Unit.Kind),
        new UnitRef(x.TargetUnit.Id, x.TargetUnit.Slug, x.TargetUnit.Name, x.TargetUnit.ShortName, x.TargetUnit.Kind),
        x.State, x.Title, x.Summary, x.DeclineReason, x.ProposedAt, x.ProposedByName, x.DecidedAt, x.DecidedByName));
}
