using System.Text;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Plans;

/// <summary>The plan's own fields as typed in the editor; the document is a Document post of the same unit.</summary>
/// <summary>A plan's heading as typed; <see cref="EndYear"/> only for a plan over several years.</summary>
public sealed record PlanInput(int Year, string? Number, DateOnly? IssuedOn, string Title, int? DocumentPostId, int? EndYear = null)
{
    // The columns' sizes (the plan's EF configuration uses these).
    public const int MaxTitle = 400;
    public const int MaxNumber = 60;
}

/// <summary>
/// Creates and edits plans and their rows; every write comes to the plan's id. The caller has checked that the user may
/// manage the plan's unit.
/// </summary>
public sealed class PlanEditing(CchcDbContext db, TimeProvider clock, AuditLog audit, IOptions<TableLimits> limits)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Plan?> FindAsync(int id, CancellationToken ct) =>
        // One statement, as in PlanCompliance: the owned coordinators nest inside the items.
        db.Plans.AsSingleQuery().Include(p => p.Items).Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Outcome<int>> CreateAsync(int unitId, PlanInput input, Actor actor, CancellationToken ct)
    {
        var plan = new Plan { UnitId = unitId, Title = "", CreatedAt = Now };
        return await SavePlanAsync(plan, input, actor, ct);
    }

    public Task<Outcome<int>> UpdateAsync(Plan plan, PlanInput input, Actor actor, CancellationToken ct) => SavePlanAsync(plan, input, actor, ct);

    public async Task<Outcome<int>> SaveItemAsync(Plan plan, PlanItem? item, PlanItemInput input, Actor actor, CancellationToken ct)
    {
        var errors = input.Validate();
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);
        var names = await UnitNames.LoadAsync(db, ct);
        if (item is null)
        {
            item = new PlanItem { Content = "", LeadName = "", TimingText = "" };
            plan.Items.Add(item);
        }
        names.Apply(input, item, NextOrder(plan));
        return await CommitAsync(plan, actor, AuditActions.PlanChanged, $"\"{plan.Title}\": nhiệm vụ {item.Order}", ct);
    }

    public async Task<Outcome<int>> DeleteItemAsync(Plan plan, PlanItem item, Actor actor, CancellationToken ct)
    {
        plan.Items.Remove(item);
        db.PlanItems.Remove(item);
        return await CommitAsync(plan, actor, AuditActions.PlanChanged, $"\"{plan.Title}\": xóa nhiệm vụ {item.Order}", ct);
    }

    /// <summary>
    /// Adds every row of the file after the plan's rows, or none of them when any row is wrong: then each error is
    /// under its line, as <see cref="LineError.Key"/> names it, and nothing was stored.
    /// </summary>
    public async Task<Outcome<int>> ImportAsync(Plan plan, Stream file, string fileName, Actor actor, CancellationToken ct)
    {
        var read = PlanItemFile.Read(file, fileName, limits.Value);
        if (!read.IsValid)
            return Outcome<int>.Invalid.Of(read.Errors.Select(e => KeyValuePair.Create(e.Key, e.Message)));
        var names = await UnitNames.LoadAsync(db, ct);
        foreach (var row in read.Rows)
        {
            var item = new PlanItem { Content = "", LeadName = "", TimingText = "" };
            names.Apply(row.Value, item, NextOrder(plan));
            plan.Items.Add(item);
        }
        return await CommitAsync(plan, actor, AuditActions.PlanImported, $"\"{plan.Title}\": nhập {read.Rows.Count} nhiệm vụ từ {fileName}", ct);
    }

    private async Task<Outcome<int>> SavePlanAsync(Plan plan, PlanInput input, Actor actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title))
            errors[nameof(PlanInput.Title)] = "Vui lòng nhập tên kế hoạch.";
        TextLimit.Check(errors, nameof(PlanInput.Title), input.Title, PlanInput.MaxTitle, "Tên kế hoạch");
        TextLimit.Check(errors, nameof(PlanInput.Number), input.Number, PlanInput.MaxNumber, "Số ký hiệu");
        if (input.Year is < 2000 or > 2100)
            errors[nameof(PlanInput.Year)] = "Năm kế hoạch phải từ 2000 đến 2100.";
        else if (input.EndYear is { } end && (end <= input.Year || end > input.Year + MaxYears - 1))
            errors[nameof(PlanInput.EndYear)] = $"Năm kết thúc phải sau năm bắt đầu và không quá {MaxYears} năm; để trống nếu là kế hoạch một năm.";
        if (input.DocumentPostId is { } postId
            && !await db.Posts.AnyAsync(p => p.Id == postId && p.UnitId == plan.UnitId && p.Kind == PostKind.Document, ct))
            errors[nameof(PlanInput.DocumentPostId)] = "Văn bản kế hoạch phải là một văn bản của đơn vị.";
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);
        plan.Year = input.Year;
        plan.EndYear = input.EndYear;
        plan.Number = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number.Trim();
        plan.IssuedOn = input.IssuedOn;
        plan.Title = input.Title.Trim().Normalize(NormalizationForm.FormC);
        plan.DocumentPostId = input.DocumentPostId;
        if (plan.Id == 0)
            db.Plans.Add(plan);
        return await CommitAsync(plan, actor, AuditActions.PlanChanged, $"\"{plan.Title}\"", ct);
    }

    /// <summary>One SaveChanges, one transaction: the plan, its rows and the audit entry commit together or not at all.</summary>
    private async Task<Outcome<int>> CommitAsync(Plan plan, Actor actor, string action, string summary, CancellationToken ct)
    {
        plan.UpdatedAt = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, action, summary, nameof(Plan), plan.Id.ToString(), plan.UnitId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<int>.Ok(plan.Id);
    }

    /// <summary>The longest period a plan may cover: the national reform programme runs ten years (2021–2030).</summary>
    public const int MaxYears = 10;

    private static int NextOrder(Plan plan) => plan.Items.Count == 0 ? 1 : plan.Items.Max(i => i.Order) + 1;
}
