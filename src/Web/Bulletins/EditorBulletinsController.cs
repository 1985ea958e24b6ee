using CchcSite.Content.Accounts;
using CchcSite.Content.Bulletins;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using CchcSite.Web.Editor;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Bulletins;

/// <summary>The form that starts an issue.</summary>
public sealed class BulletinStartForm
{
    [FromForm(Name = "don-vi")] public string? DonVi { get; set; }
    [FromForm(Name = "so")] public int? So { get; set; }
    [FromForm(Name = "nam")] public int? Nam { get; set; }
    [FromForm(Name = "loai-ky")] public BulletinPeriod LoaiKy { get; set; } = BulletinPeriod.Month;
    [FromForm(Name = "ky")] public int? Ky { get; set; }
}

public sealed record BulletinListPage(IReadOnlyList<BulletinIssue> Issues, IReadOnlyList<UnitRef> WritableUnits, BulletinStartForm Form);

/// <summary>
/// An issue in the editor area: the proposal of its period with the picked items checked, the introduction, the issue as
/// readers will see it, and the workflow steps the permission table allows this person.
/// </summary>
public sealed record BulletinEditPage(BulletinIssue Issue, bool MayEdit, IReadOnlyList<BulletinCandidate> Candidates, BulletinView Preview,
    IReadOnlyList<WorkflowStep> Steps)
{
    public int? OrderOf(BulletinCandidate candidate) =>
        Issue.Entries.FirstOrDefault(e => e.ItemKind == candidate.Kind && e.ItemId == candidate.Id)?.Order;
}

/// <summary>
/// The Bản tin CCHC in the editor area, <c>/quan-tri/ban-tin</c>. Editors and approvers of a unit start and compile its
/// issues (<see cref="EditorAction.Edit"/>), submit them, and approvers other than their author publish them: the steps
/// and the two-person rule of posts (<see cref="BulletinWorkflow"/>). Every request asks the one permission table.
/// </summary>
public sealed class EditorBulletinsController(BulletinEditing editing, UnitDirectory units, CurrentEditor editor, TimeProvider clock) : EditorController
{
    private const string Base = "/quan-tri/ban-tin";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var grants = await editor.GrantsAsync();
        var readable = Permissions.UnitsAllowing(grants, EditorAction.ReadDraft);
        if (readable is { Count: 0 })
            return Forbid();
        var form = new BulletinStartForm { Nam = VietnamTime.Today(clock).Year };
        return await ListAsync(form, ct);
    }

    [HttpPost(Base)]
    public async Task<IActionResult> Start(BulletinStartForm form, CancellationToken ct)
    {
        if (await units.FindAsync(form.DonVi ?? "", ct) is not { } unit)
        {
            ModelState.AddModelError("don-vi", "Vui lòng chọn đơn vị.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await ListAsync(form, ct);
        }
        if (!await MayAsync(unit.Unit.Id, EditorAction.Edit))
            return Forbid();
        var year = form.Nam ?? 0;
        var number = form.So ?? await editing.NextNumberAsync(unit.Unit.Id, year, ct);
        var outcome = await editing.StartAsync(new BulletinStart(unit.Unit.Id, number, year, form.LoaiKy, form.Ky ?? 0), await editor.GrantsAsync(),
            editor.Actor, ct);
        return await FormOutcomeAsync(outcome, issue => Redirect($"{Base}/{issue.Id}"), () => ListAsync(form, ct));
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (issue, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), i => i.UnitId, EditorAction.ReadDraft);
        return issue is null ? refusal! : await EditPageAsync(issue, ct);
    }

    /// <summary>Picked items come as "chon" = "Post-12" with their place as "thu-tu-Post-12"; an item without a place goes last.</summary>
    [HttpPost(Base + "/{id:int}")]
    public async Task<IActionResult> Save(int id, [FromForm(Name = "loi-gioi-thieu")] string? introduction, [FromForm(Name = "chon")] string[]? chon,
        CancellationToken ct)
    {
        var (issue, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), i => i.UnitId, EditorAction.Edit);
        if (issue is null)
            return refusal!;
        var picks = new List<BulletinPick>();
        foreach (var key in chon ?? [])
        {
            var parts = key.Split('-', 2);
            if (parts.Length != 2 || !Enum.TryParse<BulletinItemKind>(parts[0], out var kind) || !Enum.IsDefined(kind) || !int.TryParse(parts[1], out var itemId))
                continue;
            var order = int.TryParse(Request.Form[$"thu-tu-{key}"], out var place) ? place : int.MaxValue;
            picks.Add(new BulletinPick(kind, itemId, order));
        }
        var outcome = await editing.SaveAsync(issue, introduction, picks, await editor.GrantsAsync(), editor.Actor, ct);
        return await FormOutcomeAsync(outcome, saved =>
        {
            TempData["Message"] = $"Đã lưu bản tin: {saved.Entries.Count} mục.";
            return Redirect($"{Base}/{id}");
        }, () => EditPageAsync(issue, ct));
    }

    [HttpPost(Base + "/{id:int}/buoc/{step}")]
    public async Task<IActionResult> Step(int id, WorkflowStep step, string? note, CancellationToken ct)
    {
        var (issue, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), i => i.UnitId, PostWorkflow.ActionFor(step));
        if (issue is null)
            return refusal!;
        var outcome = await editing.StepAsync(issue, step, await editor.GrantsAsync(), editor.Actor, note, ct);
        return MessageOutcome(outcome, $"{Base}/{id}", saved => $"Bản tin đã chuyển sang trạng thái \"{saved.Status.Vietnamese()}\".");
    }

    private async Task<IActionResult> ListAsync(BulletinStartForm form, CancellationToken ct)
    {
        var grants = await editor.GrantsAsync();
        var issues = await editing.ListAsync(Permissions.UnitsAllowing(grants, EditorAction.ReadDraft), ct);
        // A role counts in its own unit only: the units listed are those where the person may write, not their sub-units.
        var writable = Permissions.UnitsAllowing(grants, EditorAction.Edit);
        var all = await units.SubtreesAsync(null, ct);
        return View("Index", new BulletinListPage(issues, all.Where(u => writable is null || writable.Contains(u.Id)).ToList(), form));
    }

    private async Task<IActionResult> EditPageAsync(BulletinIssue issue, CancellationToken ct)
    {
        var grants = await editor.GrantsAsync();
        var mayEdit = BulletinWorkflow.IsEditable(issue) && Permissions.Allows(grants, EditorAction.Edit, issue.UnitId);
        var candidates = mayEdit ? await editing.CandidatesAsync(issue, ct) : [];
        var steps = BulletinWorkflow.Steps.Where(s => BulletinWorkflow.Check(issue, s, grants, issue.Unit.AllowSelfPublishing).Allowed).ToList();
        return View("Edit", new BulletinEditPage(issue, mayEdit, candidates, PublicBulletins.ViewOf(issue), steps));
    }
}
