using Microsoft.Extensions.Options;
using CchcSite.Content.Accounts;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Questions;
using CchcSite.Content.Rendering;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record InboxQuery(string? DonVi, InboxView Xem, SubmissionKind? Loai, string? LinhVuc, string? Q, int Trang = 1)
{
    public string UrlFor(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["don-vi"] = DonVi, ["xem"] = Xem == InboxView.Open ? null : Xem.ToString(), ["loai"] = Loai?.ToString(),
            ["linh-vuc"] = LinhVuc, ["q"] = Q, ["trang"] = page == 1 ? null : page.ToString(),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is { Length: > 0 } query ? SubmissionInboxController.Path + query : SubmissionInboxController.Path;
}

public sealed record InboxPage(PagedResult<InboxRow> Items, InboxQuery Query, IReadOnlyList<UnitRef> Units,
    IReadOnlyList<Content.Posts.CategoryRef> Categories, int ResponseWorkingDays)
{
    /// <summary>How many items each tab holds with the same filters, shown on the tabs.</summary>
    public IReadOnlyDictionary<InboxView, int> Counts { get; init; } = new Dictionary<InboxView, int>();

    /// <summary>The votes on the published answers of the list, all pages together: the total of its "Hữu ích" column.</summary>
    public HelpfulCounts HelpfulTotal { get; init; } = HelpfulCounts.None;
}

/// <summary>
/// One item for the officers of its unit: everything the citizen sent, contact details included, and the steps the
/// workflow allows this user now. <see cref="ReleaseRefusal"/> says why an approver may not release this answer.
/// </summary>
public sealed record SubmissionPage(Submission Item, int WorkingDaysLeft, string? AssignedTo, IReadOnlyList<Officer> Officers,
    IReadOnlyList<UnitRef> ForwardTargets, IReadOnlySet<SubmissionStep> Allowed, string? ReleaseRefusal, string? AnswerHtml,
    IReadOnlyDictionary<string, string> ActorNames)
{
    public bool May(SubmissionStep step) => Allowed.Contains(step);

    /// <summary>The votes on its answer in the Q&amp;A column; null for what was never published there.</summary>
    public HelpfulCounts? Helpful { get; init; }

    /// <summary>Who took a step of the history: the officer's name (an account since removed by its name part), or the citizen.</summary>
    public string Who(SubmissionEvent step) =>
        step.UserId is { } id && ActorNames.TryGetValue(id, out var name) ? name
        : step.UserName is not null ? PersonName.Of(null, step.UserName)
        : "Người dân";
}

/// <summary>
/// The officers' inbox of citizens' questions and feedback. Seeing an item and its contact details is
/// <see cref="EditorAction.HandleSubmission"/> in the item's unit; each step asks for its own action; all from the one table.
/// </summary>
public sealed class SubmissionInboxController(SubmissionInbox inbox, HelpfulVotes votes, UnitDirectory units, CurrentEditor editor,
    Content.Site.SitePageBuilder pages, MarkdownRenderer markdown, MediaStore store, IOptions<SubmissionOptions> options) : EditorController
{
    public const string Path = "/quan-tri/hoi-dap";

    [HttpGet(Path)]
    public async Task<IActionResult> Index([FromQuery(Name = "don-vi")] string? donVi, [FromQuery(Name = "xem")] InboxView xem = InboxView.Open,
        [FromQuery(Name = "loai")] SubmissionKind? loai = null, [FromQuery(Name = "linh-vuc")] string? linhVuc = null,
        [FromQuery(Name = "q")] string? q = null, [FromQuery(Name = "trang")] string? trang = null, CancellationToken ct = default)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.HandleSubmission);
        int? unitId = null;
        if (!string.IsNullOrEmpty(donVi))
        {
            if (await units.FindAsync(donVi, ct) is not { } unit)
                return NotFound();
            if (!await MayAsync(unit.Unit.Id, EditorAction.HandleSubmission))
                return Forbid();
            unitId = unit.Unit.Id;
        }
        var query = new InboxQuery(donVi, xem, loai, linhVuc, q, PageOf(trang));
        var filter = new InboxFilter(allowed, unitId, xem, loai, linhVuc, q) { Page = new PageRequest(query.Trang, 20) };
        var list = await inbox.ListAsync(filter, ct);
        var myUnits = (await AllUnitsAsync(ct)).Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
        var counts = new Dictionary<InboxView, int>();
        foreach (var view in Enum.GetValues<InboxView>())
            counts[view] = view == xem ? list.TotalCount
                : (await inbox.ListAsync(new InboxFilter(allowed, unitId, view, loai, linhVuc, q) { Page = new PageRequest(1, 1) }, ct)).TotalCount;
        return View(new InboxPage(list, query, myUnits, await pages.CategoriesAsync(ct), options.Value.ResponseWorkingDays) 
        {
            Counts = counts, HelpfulTotal = await inbox.HelpfulTotalAsync(filter, ct),
        });
    }

    [HttpGet(Path + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var (item, refusal) = await AuthorizedAsync(inbox.FindAsync(id, ct), s => s.UnitId, EditorAction.HandleSubmission);
        if (item is null)
            return refusal!;
        return View("Show", await PageAsync(item, ct));
    }

    /// <summary>The citizen's attachment, for the officers of the handling unit only.</summary>
    [HttpGet(Path + "/{id:int}/tep")]
    public async Task<IActionResult> Attachment(int id, CancellationToken ct)
    {
        if (await inbox.FindAsync(id, ct) is not { AttachmentPath: { } path } item)
            return NotFound();
        if (!await MayAsync(item.UnitId, EditorAction.HandleSubmission))
            return Forbid();
        return PhysicalFile(store.FullPath(path), item.AttachmentType!, item.AttachmentName);
    }

    [HttpPost(Path + "/{id:int}/{step}")]
    public async Task<IActionResult> Step(int id, string step, Guid version, string? userId, int? toUnitId, string? reason, string? answer,
        RejectionKind? rejection, string? intoCode, CancellationToken ct)
    {
        if (await inbox.FindAsync(id, ct) is not { } item)
            return NotFound();
        SubmissionCommand? command = step switch
        {
            "phan-cong" => new SubmissionCommand.Assign(userId ?? ""),
            "chuyen" => new SubmissionCommand.Forward(toUnitId ?? 0, reason ?? ""),
            "tra-loi" => new SubmissionCommand.Answer(answer ?? ""),
            "cong-khai" => new SubmissionCommand.Publish(),
            "gui-tra-loi" => new SubmissionCommand.Close(),
            "go-cong-khai" => new SubmissionCommand.Unpublish(reason ?? ""),
            "tu-choi" => new SubmissionCommand.Reject(rejection ?? RejectionKind.OutOfScope, reason ?? ""),
            "gop" => new SubmissionCommand.Merge(intoCode ?? ""),
            _ => null,
        };
        if (command is null)
            return NotFound();
        if (!await MayAsync(item.UnitId, command.Action))
            return Forbid();
        var outcome = await inbox.StepAsync(item, version, command, await editor.GrantsAsync(), editor.Actor, ct);
        // Forwarded away, the item is no longer this officer's to see: back to the inbox.
        return MessageOutcome(outcome, outcome.IsOk && command is SubmissionCommand.Forward ? Path : $"{Path}/{id}",
            done => $"Đã ghi nhận: {done.Status.Vietnamese()}.");
    }

    /// <summary>The procedure the question is about, as the officer names or corrects it; a literal segment, before the steps' route.</summary>
    [HttpPost(Path + "/{id:int}/thu-tuc")]
    public async Task<IActionResult> Procedure(int id, Guid version, string? procedure, CancellationToken ct)
    {
        if (await inbox.FindAsync(id, ct) is not { } item)
            return NotFound();
        if (!await MayAsync(item.UnitId, EditorAction.HandleSubmission))
            return Forbid();
        var outcome = await inbox.SetProcedureAsync(item, version, procedure, await editor.GrantsAsync(), editor.Actor, ct);
        return MessageOutcome(outcome, $"{Path}/{id}",
            done => done.Procedure is { } p ? $"Đã ghi thủ tục liên quan: {p.Code} – {p.Name}." : "Đã bỏ thủ tục liên quan.");
    }

    private async Task<SubmissionPage> PageAsync(Submission item, CancellationToken ct)
    {
        var officers = await inbox.OfficersAsync(item.UnitId, ct);
        var grants = await editor.GrantsAsync();
        var facts = SubmissionFacts.Of(item);
        var allowed = SubmissionWorkflow.OfficerSteps.Where(step => SubmissionWorkflow.Check(facts, step, grants).Allowed).ToHashSet();
        // An approver kept from releasing only by the two-person rule is told so, rather than finding no button.
        var release = SubmissionWorkflow.Check(facts, SubmissionStep.Closed, grants);
        var releaseRefusal = item.Status == SubmissionStatus.Answered && Permissions.Allows(grants, EditorAction.PublishAnswer, item.UnitId)
            && !release.Allowed ? release.Reason : null;
        var targets = (await AllUnitsAsync(ct)).Where(u => u.Id != item.UnitId).ToList();
        return new SubmissionPage(item, WorkingDays.Between(inbox.Today, item.DueOn),
            officers.FirstOrDefault(o => o.UserId == item.AssignedUserId)?.FullName, officers, targets, allowed, releaseRefusal,
            item.AnswerMarkdown is { } answer ? markdown.AnswerToHtml(answer) : null, await inbox.ActorNamesAsync(item, ct))
        {
            Helpful = item.Kind == SubmissionKind.Question && item.PublishedAt is not null ? (await votes.CountsAsync([item.Id], ct))[item.Id] : null,
        };
    }

    private async Task<IReadOnlyList<UnitRef>> AllUnitsAsync(CancellationToken ct) =>
        (await units.RootsAsync(ct)).SelectMany(r => r.SelfAndDescendants()).Select(n => n.Unit).ToList();
}
