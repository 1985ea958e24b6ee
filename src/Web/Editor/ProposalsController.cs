using CchcSite.Content.Accounts;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Editor;

/// <param name="Intake">The units with sub-units whose board the person is, each with its current choice.</param>
public sealed record ProposalQueuePage(IReadOnlyList<ProposalView> Proposals, ProposalState? State, IReadOnlyList<SubUnitIntake> Intake);

/// <summary>A unit's choice: its section takes its sub-units' posts automatically, or only those its board accepts.</summary>
public sealed record SubUnitIntake(UnitRef Unit, bool Automatic);

public sealed record ProposalPage(ProposalView Proposal, PostDetail? Post, bool MayDecide, string? Title, string? Summary, string? Reason);

/// <summary>A published post's proposals as its unit sees them, and the choice of ancestors when its approver may propose.</summary>
public sealed record ProposePage(int PostId, string PostTitle, string UnitName, bool Published, IReadOnlyList<ProposalView> Proposals,
    IReadOnlyList<UnitRef> Targets, bool MayPropose, IReadOnlyList<int> Chosen);

/// <summary>
/// Articles proposed to a parent's editorial board (issue 23): a sub-unit's approver offers a published post to ancestors'
/// sections; the ancestors' approvers accept it (with their own title and summary, if they wish) or decline it with a
/// reason; the sub-unit sees each decision on its post's page here.
/// </summary>
public sealed class ProposalsController(PostProposals proposals, PublishedPosts published, CurrentEditor editor, UnitDirectory units, CchcDbContext db)
    : EditorController
{
    public const string Base = "/quan-tri/bai-de-xuat";

    public static string IntakeUrl(int unitId) => $"{Base}/don-vi/{unitId}/nhan-bai";

    public static string ProposeUrl(int postId) => $"/quan-tri/bai-viet/{postId}/de-xuat";

    /// <summary>The queue of proposals sent to the units whose posts the person reads; decisions only where the person decides.</summary>
    [HttpGet(Base)]
    public async Task<IActionResult> Index([FromQuery(Name = "trang-thai")] ProposalState? state, CancellationToken ct)
    {
        var grants = await editor.GrantsAsync();
        var readable = Permissions.UnitsAllowing(grants, EditorAction.ReadDraft);
        var list = readable is { Count: 0 } ? [] : await proposals.QueueAsync(readable, state, ct);
        // Administrators choose on the unit form; a board chooses here, for its units that have sub-units.
        var intake = new List<SubUnitIntake>();
        foreach (var unitId in Permissions.UnitsAllowing(grants, EditorAction.ChooseSubUnitIntake) ?? new HashSet<int>())
            if (await units.FindAsync(unitId, ct) is { Children.Count: > 0 } node)
                intake.Add(new SubUnitIntake(node.Unit, node.AcceptsSubUnitPostsAutomatically));
        return View(new ProposalQueuePage(list, state, intake));
    }

    /// <summary>The board's choice for its section; anything but "true" or "false" is asked again.</summary>
    [HttpPost(Base + "/don-vi/{unitId:int}/nhan-bai")]
    public async Task<IActionResult> SetIntake(int unitId, [FromForm] string? automatic, CancellationToken ct)
    {
        if (!await MayAsync(unitId, EditorAction.ChooseSubUnitIntake))
            return Forbid();
        if (automatic is not ("true" or "false"))
        {
            TempData["Message"] = "Vui lòng chọn một cách nhận bài của đơn vị trực thuộc.";
            return Redirect(Base);
        }
        var outcome = await proposals.SetAutomaticAsync(unitId, automatic == "true", await editor.GrantsAsync(), editor.Actor, ct);
        return outcome is Outcome<Unit>.NotFound ? NotFound()
            : MessageOutcome(outcome, Base, unit => unit.AcceptsSubUnitPostsAutomatically
                ? $"Trang {unit.ShortName} tự động đăng bài đã đăng của đơn vị trực thuộc."
                : $"Trang {unit.ShortName} chỉ đăng bài đơn vị trực thuộc đề xuất và Tổ Biên tập nhận đăng.");
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var (proposal, refusal) = await ReadableAsync(id, ct);
        return proposal is null ? refusal! : View(await PageAsync(proposal, null, null, null, ct));
    }

    [HttpPost(Base + "/{id:int}/nhan")]
    public Task<IActionResult> Accept(int id, string? title, string? summary, CancellationToken ct) =>
        DecideAsync(id, new ProposalDecision(true, title, summary, null), ct);

    [HttpPost(Base + "/{id:int}/tu-choi")]
    public Task<IActionResult> Decline(int id, string? reason, CancellationToken ct) =>
        DecideAsync(id, new ProposalDecision(false, null, null, reason), ct);

    private async Task<IActionResult> DecideAsync(int id, ProposalDecision decision, CancellationToken ct)
    {
        var (proposal, refusal) = await AuthorizedAsync(proposals.FindAsync(id, ct), p => p.TargetUnit.Id, EditorAction.DecideProposal);
        if (proposal is null)
            return refusal!;
        var outcome = await proposals.DecideAsync(id, decision, await editor.GrantsAsync(), editor.Actor, ct);
        return await FormOutcomeAsync(outcome,
            decided => Saved($"{Base}/{id}", decided.State == ProposalState.Accepted
                ? $"Đã nhận đăng bài vào trang {proposal.TargetUnit.ShortName}." : "Đã từ chối bài đề xuất."),
            async () => View("Show", await PageAsync((await proposals.FindAsync(id, ct))!, decision.Title, decision.Summary, decision.Reason, ct)));
    }

    [HttpGet("/quan-tri/bai-viet/{postId:int}/de-xuat")]
    public async Task<IActionResult> Propose(int postId, CancellationToken ct)
    {
        var (post, refusal) = await PostAsync(postId, ct);
        return post is null ? refusal! : View(await ProposePageAsync(post, [], ct));
    }

    [HttpPost("/quan-tri/bai-viet/{postId:int}/de-xuat")]
    public async Task<IActionResult> Send(int postId, [FromForm(Name = "targets")] List<int>? targets, CancellationToken ct)
    {
        var (post, refusal) = await PostAsync(postId, ct);
        if (post is null)
            return refusal!;
        if (!await MayAsync(post.UnitId, EditorAction.ProposePost))
            return Forbid();
        var chosen = targets ?? [];
        var outcome = await proposals.ProposeAsync(postId, chosen, await editor.GrantsAsync(), editor.Actor, ct);
        return await FormOutcomeAsync(outcome,
            sent => Saved(ProposeUrl(postId), $"Đã đề xuất bài lên {sent.Count} đơn vị cấp trên."),
            async () => View("Propose", await ProposePageAsync(post, chosen, ct)));
    }

    private sealed record PostFacts(int Id, int UnitId, string Title, string UnitName, PostStatus Status);

    /// <summary>The post when the person may read its unit's posts; its 404 or 403 otherwise.</summary>
    private Task<(PostFacts? Post, IActionResult? Refusal)> PostAsync(int postId, CancellationToken ct) =>
        AuthorizedAsync(db.Posts.AsNoTracking().Where(p => p.Id == postId)
                .Select(p => new PostFacts(p.Id, p.UnitId, p.Title, p.Unit.Name, p.Status)).SingleOrDefaultAsync(ct),
            p => p.UnitId, EditorAction.ReadDraft);

    private async Task<ProposePage> ProposePageAsync(PostFacts post, IReadOnlyList<int> chosen, CancellationToken ct)
    {
        var sent = await proposals.OfPostAsync(post.Id, ct);
        var open = (await proposals.TargetsAsync(post.UnitId, ct)).Where(t => sent.All(s => s.TargetUnit.Id != t.Id)).ToList();
        var may = post.Status == PostStatus.Published && await MayAsync(post.UnitId, EditorAction.ProposePost);
        return new ProposePage(post.Id, post.Title, post.UnitName, post.Status == PostStatus.Published, sent, open, may, chosen);
    }

    /// <summary>A proposal is read by those who read the target unit's posts (its board, an overseer) or the proposing unit's.</summary>
    private async Task<(ProposalView? Proposal, IActionResult? Refusal)> ReadableAsync(int id, CancellationToken ct) =>
        await proposals.FindAsync(id, ct) is not { } proposal ? (null, NotFound())
        : await MayAsync(proposal.TargetUnit.Id, EditorAction.ReadDraft) || await MayAsync(proposal.FromUnit.Id, EditorAction.ReadDraft) ? (proposal, null)
        : (null, Forbid());

    private async Task<ProposalPage> PageAsync(ProposalView proposal, string? title, string? summary, string? reason, CancellationToken ct) =>
        new(proposal, await published.FindAsync(proposal.PostId, ct),
            proposal.State == ProposalState.Pending && await MayAsync(proposal.TargetUnit.Id, EditorAction.DecideProposal), title, summary, reason);
}
