using CchcSite.Content.Accounts;
using CchcSite.Content.Imports;
using CchcSite.Content.Plans;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record PlansIndexPage(IReadOnlyList<PlanSummary> Plans, IReadOnlyList<UnitRef> ManageableUnits);

public sealed record PlanFormPage(int? PlanId, UnitRef Unit, PlanInput Input, IReadOnlyList<(int Id, string Title)> Documents);

public sealed record PlanPage(PlanView View, bool MayManage, PlanItemInput NewItem, IReadOnlyList<LineError> ImportErrors, YearMonth Current);

public sealed record PlanItemPage(int PlanId, string PlanTitle, int? ItemId, PlanItemInput Input);

/// <summary>Plans and their rows: every editor of a unit (and of the units above it) reads them; approvers and administrators edit them.</summary>
[Area(EditorArea.Name)]
[Authorize(Policy = EditorPolicies.Editor)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PlansController(PlanEditing editing, PlanCompliance compliance, UnitDirectory units, CurrentEditor editor,
    IAuthorizationService authorization) : Controller
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
        if (!await authorization.MayAsync(User, unit.Unit.Id, EditorAction.ManagePlans))
            return Forbid();
        return await FormAsync(null, unit.Unit, new PlanInput(compliance.CurrentMonth.Year, null, null, "", null), ct);
    }

    [HttpPost(Base + "/moi")]
    public async Task<IActionResult> Create([FromQuery(Name = "don-vi")] string? donVi, PlanInput input, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } unit)
            return NotFound();
        if (!await authorization.MayAsync(User, unit.Unit.Id, EditorAction.ManagePlans))
            return Forbid();
        var outcome = await editing.CreateAsync(unit.Unit.Id, input, editor.Actor, ct);
        return outcome is PlanOutcome.Saved ? BackToPlan(outcome, "Đã tạo kế hoạch.") : Invalid(outcome, await FormAsync(null, unit.Unit, input, ct));
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        if (await compliance.PlanAsync(id, ct) is not { } view)
            return NotFound();
        if (!await authorization.MayAsync(User, view.Plan.UnitId, EditorAction.ViewPlans))
            return Forbid();
        return View("Show", await PageAsync(view, EmptyItem, []));
    }

    [HttpGet(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        var unit = (await units.FindAsync(plan.UnitId, ct))!.Unit;
        return await FormAsync(id, unit, new PlanInput(plan.Year, plan.Number, plan.IssuedOn, plan.Title, plan.DocumentPostId), ct);
    }

    [HttpPost(Base + "/{id:int}/sua")]
    public async Task<IActionResult> Update(int id, PlanInput input, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        var unit = (await units.FindAsync(plan.UnitId, ct))!.Unit;
        var outcome = await editing.UpdateAsync(plan, input, editor.Actor, ct);
        return outcome is PlanOutcome.Saved ? BackToPlan(outcome, "Đã lưu kế hoạch.") : Invalid(outcome, await FormAsync(id, unit, input, ct));
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
        var outcome = await editing.SaveItemAsync(plan, item, input, editor.Actor, ct);
        if (outcome is PlanOutcome.Invalid && itemId is null)
            return Invalid(outcome, View("Show", await PageAsync((await compliance.PlanAsync(id, ct))!, input, [])));
        return outcome is PlanOutcome.Saved ? BackToPlan(outcome, "Đã lưu nhiệm vụ.") : Invalid(outcome, View("Item", new PlanItemPage(id, plan.Title, itemId, input)));
    }

    [HttpPost(Base + "/{id:int}/nhiem-vu/{itemId:int}/xoa")]
    public async Task<IActionResult> DeleteItem(int id, int itemId, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        if (plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
            return NotFound();
        return BackToPlan(await editing.DeleteItemAsync(plan, item, editor.Actor, ct), "Đã xóa nhiệm vụ; các bài đã gắn được giữ nguyên.");
    }

    [HttpPost(Base + "/{id:int}/nhap")]
    [RequestSizeLimit(2 * 1024 * 1024)]
    public async Task<IActionResult> Import(int id, IFormFile? tep, CancellationToken ct)
    {
        var (plan, refusal) = await ManagedPlanAsync(id, ct);
        if (plan is null)
            return refusal!;
        if (tep is null || tep.Length == 0)
            return await RejectedImportAsync(id, [new LineError(0, null, "Vui lòng chọn tệp CSV hoặc XLSX theo mẫu.")], ct);
        await using var stream = tep.OpenReadStream();
        var outcome = await editing.ImportAsync(plan, stream, tep.FileName, editor.Actor, ct);
        if (outcome is PlanOutcome.Rejected rejected)
            return await RejectedImportAsync(id, rejected.Errors, ct);
        TempData["Message"] = "Đã nhập các nhiệm vụ từ tệp.";
        return Redirect($"{Base}/{id}");
    }

    [HttpGet(Base + "/mau-nhap.csv")]
    public IActionResult CsvTemplate() => File(PlanItemFile.CsvTemplate(), "text/csv; charset=utf-8", "mau-nhiem-vu-ke-hoach.csv");

    [HttpGet(Base + "/mau-nhap.xlsx")]
    public IActionResult XlsxTemplate() =>
        File(PlanItemFile.XlsxTemplate(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-nhiem-vu-ke-hoach.xlsx");

    /// <summary>The plan when the user may manage its unit; otherwise the refusal (404 or 403).</summary>
    private async Task<(Plan? Plan, IActionResult? Refusal)> ManagedPlanAsync(int id, CancellationToken ct) =>
        await editing.FindAsync(id, ct) is not { } plan ? (null, NotFound())
        : await authorization.MayAsync(User, plan.UnitId, EditorAction.ManagePlans) ? (plan, null)
        : (null, Forbid());

    private static readonly PlanItemInput EmptyItem = new(null, null, "", null, "", null, "", null);

    private async Task<IActionResult> RejectedImportAsync(int id, IReadOnlyList<LineError> errors, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Show", await PageAsync((await compliance.PlanAsync(id, ct))!, EmptyItem, errors));
    }

    private async Task<PlanPage> PageAsync(PlanView view, PlanItemInput newItem, IReadOnlyList<LineError> importErrors) =>
        new(view, await authorization.MayAsync(User, view.Plan.UnitId, EditorAction.ManagePlans), newItem, importErrors, compliance.CurrentMonth);

    private async Task<ViewResult> FormAsync(int? planId, UnitRef unit, PlanInput input, CancellationToken ct) =>
        View("Form", new PlanFormPage(planId, unit, input, await compliance.DocumentChoicesAsync(unit.Id, ct)));

    /// <summary>After a save: back to the plan with a message.</summary>
    private RedirectResult BackToPlan(PlanOutcome outcome, string message)
    {
        TempData["Message"] = message;
        return Redirect($"{Base}/{((PlanOutcome.Saved)outcome).PlanId}");
    }

    /// <summary>A refused save: the form again, with each field's message, as 422.</summary>
    private ViewResult Invalid(PlanOutcome outcome, ViewResult form)
    {
        foreach (var (field, error) in ((PlanOutcome.Invalid)outcome).Errors)
            ModelState.AddModelError(field, error);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return form;
    }
}
