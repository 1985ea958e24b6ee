using CchcSite.Content.Accounts;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Plans;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record PlansIndexPage(IReadOnlyList<PlanSummary> Plans, IReadOnlyList<UnitRef> ManageableUnits);

public sealed record PlanFormPage(int? PlanId, UnitRef Unit, PlanInput Input, IReadOnlyList<(int Id, string Title)> Documents);

/// <summary>A plan with its rows; <see cref="ImportErrors"/> are a refused file's messages by line ("Dòng 3"; "" for the whole file).</summary>
public sealed record PlanPage(PlanView View, bool MayManage, PlanItemInput NewItem, IReadOnlyDictionary<string, string[]> ImportErrors, YearMonth Current);

public sealed record PlanItemPage(int PlanId, string PlanTitle, int? ItemId, PlanItemInput Input);

/// <summary>Plans and their rows: every editor of a unit (and of the units above it) reads them; approvers and administrators edit them.</summary>
public sealed class PlansController(PlanEditing editing, PlanCompliance compliance, UnitDirectory units, CurrentEditor editor) : EditorController
{
    private const string Base = "/quan-tri/ke-hoach";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var grants = await editor.GrantsAsync();
        var visible = await units.SubtreesAsync(Permissions.UnitsAllowing(grants, EditorAction.ViewPlans), ct);
        // Managing a plan does not reach into sub-units: only the units where the user holds the role.
        var managed = Permissions.UnitsAllowing(grants, EditorAction.ManagePlans);
        var manageable = (await units.SubtreesAsync(null, ct)).Where(u => managed is null || managed.Contains(u.Id)).ToList();
        return View(new PlansIndexPage(await compliance.ListAsync(visible.Select(u => u.Id).ToList(), ct), manageable));
    }

    [HttpGet(Base + "/moi")]
    public async Task<IActionResult> New([FromQuery(Name = "don-vi")] string? donVi, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } unit)
            return NotFound();
        if (!await MayAsync(unit.Unit.Id, EditorAction.ManagePlans))
            return Forbid();
        return await FormAsync(null, unit.Unit, new PlanInput(compliance.CurrentMonth.Year, null, null, "", null), ct);
    }

    [HttpPost(Base + "/moi")]
    public async Task<IActionResult> Create([FromQuery(Name = "don-vi")] string? donVi, PlanInput input, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } unit)
            return NotFound();
        if (!await MayAsync(unit.Unit.Id, EditorAction.ManagePlans))
            return Forbid();
        if (Unreadable())
            return await FormAsync(null, unit.Unit, input, ct);
        return await FormOutcomeAsync(await editing.CreateAsync(unit.Unit.Id, input, editor.Actor, ct),
            planId => BackToPlan(planId, "Đã tạo kế hoạch."), () => FormAsync(null, unit.Unit, input, ct));
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Show(int id, [FromQuery(Name = "nam")] int? nam, CancellationToken ct)
    {
        // A plan over several years is followed a year at a time; a year outside it shows the year it shows by default.
        if (await compliance.PlanAsync(id, ct, nam) is not { } view)
            return NotFound();
        if (!view.Plan.Covers(view.Year))
            view = (await compliance.PlanAsync(id, ct))!;
        if (!await MayAsync(view.Plan.UnitId, EditorAction.ViewPlans))
            return Forbid();
        return View("Show", await PageAsync(view, EmptyItem, NoErrors));
    }

    [HttpGet(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        var unit = (await units.FindAsync(plan.UnitId, ct))!.Unit;
        return await FormAsync(id, unit, new PlanInput(plan.Year, plan.Number, plan.IssuedOn, plan.Title, plan.DocumentPostId, plan.EndYear), ct);
    }

    [HttpPost(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Update(int id, PlanInput input, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        var unit = (await units.FindAsync(plan.UnitId, ct))!.Unit;
        if (Unreadable())
            return await FormAsync(id, unit, input, ct);
        return await FormOutcomeAsync(await editing.UpdateAsync(plan, input, editor.Actor, ct),
            planId => BackToPlan(planId, "Đã lưu kế hoạch."), () => FormAsync(id, unit, input, ct));
    }

    [HttpGet(Base + "/{id:int}/nhiem-vu/{itemId:int}")]
    public async Task<IActionResult> EditItem(int id, int itemId, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            return NotFound();
        return View("Item", new PlanItemPage(id, plan.Title, itemId, PlanItemInput.Of(item)));
    }

    /// <summary>Adds a row (no item id) or saves one; a rejected new row goes back to the plan page with its messages.</summary>
    [HttpPost(Base + "/{id:int}/nhiem-vu/{itemId:int?}")]
    public async Task<IActionResult> SaveItem(int id, int? itemId, PlanItemInput input, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        var item = itemId is null ? null : plan.Items.FirstOrDefault(i => i.Id == itemId);
        if (itemId is not null && item is null)
            return NotFound();
        return await FormOutcomeAsync(await editing.SaveItemAsync(plan, item, input, editor.Actor, ct),
            planId => BackToPlan(planId, "Đã lưu nhiệm vụ."),
            async () => itemId is null
                ? View("Show", await PageAsync((await compliance.PlanAsync(id, ct))!, input, NoErrors))
                : View("Item", new PlanItemPage(id, plan.Title, itemId, input)));
    }

    [HttpPost(Base + "/{id:int}/nhiem-vu/{itemId:int}/xoa")]
    public async Task<IActionResult> DeleteItem(int id, int itemId, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            return NotFound();
        return MessageOutcome(await editing.DeleteItemAsync(plan, item, editor.Actor, ct), $"{Base}/{id}", _ => "Đã xóa nhiệm vụ; các bài đã gắn được giữ nguyên.");
    }

    [HttpPost(Base + "/{id:int}/nhap")]
    [RequestSizeLimit(2 * 1024 * 1024)]
    public async Task<IActionResult> Import(int id, IFormFile? tep, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        if (tep is not { Length: > 0 })
            return await RejectedImportAsync(id, new Dictionary<string, string[]> { [""] = ["Vui lòng chọn tệp CSV hoặc XLSX theo mẫu."] }, ct);
        await using var stream = tep.OpenReadStream();
        var outcome = await editing.ImportAsync(plan, stream, tep.FileName, editor.Actor, ct);
        // A refused file's messages go beside the import form, not into the summary of the new row's form on the same page.
        return outcome is Outcome<int>.Invalid rejected
            ? await RejectedImportAsync(id, rejected.Errors, ct)
            : MessageOutcome(outcome, $"{Base}/{id}", _ => "Đã nhập các nhiệm vụ từ tệp.");
    }

    [HttpGet(Base + "/mau-nhap.csv")]
    public IActionResult CsvTemplate() => File(PlanItemFile.CsvTemplate(), "text/csv; charset=utf-8", "mau-nhiem-vu-ke-hoach.csv");

    [HttpGet(Base + "/mau-nhap.xlsx")]
    public IActionResult XlsxTemplate() =>
        File(PlanItemFile.XlsxTemplate(), TableTemplate.XlsxContentType, "mau-nhiem-vu-ke-hoach.xlsx");

    /// <summary>The plan when the user may manage its unit; otherwise the refusal (404 or 403).</summary>
    private Task<(Plan? Item, IActionResult? Refusal)> ManagedPlanAsync(int id, CancellationToken ct) =>
        AuthorizedAsync(editing.FindAsync(id, ct), p => p.UnitId, EditorAction.ManagePlans);

    private static readonly PlanItemInput EmptyItem = new(null, null, "", null, "", null, "", null);

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private async Task<IActionResult> RejectedImportAsync(int id, IReadOnlyDictionary<string, string[]> errors, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Show", await PageAsync((await compliance.PlanAsync(id, ct))!, EmptyItem, errors));
    }

    private async Task<PlanPage> PageAsync(PlanView view, PlanItemInput newItem, IReadOnlyDictionary<string, string[]> importErrors) =>
        new(view, await MayAsync(view.Plan.UnitId, EditorAction.ManagePlans), newItem, importErrors, compliance.CurrentMonth);

    private async Task<IActionResult> FormAsync(int? planId, UnitRef unit, PlanInput input, CancellationToken ct) =>
        View("Form", new PlanFormPage(planId, unit, input, await compliance.DocumentChoicesAsync(unit.Id, ct)));

    /// <summary>After a save: back to the plan with a message.</summary>
    private RedirectResult BackToPlan(int planId, string message) => Saved($"{Base}/{planId}", message);
}
