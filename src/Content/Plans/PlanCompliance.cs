using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Plans;

public sealed record QuotaCell(YearMonth Month, QuotaStatus Status, int Count);

public sealed record QuotaRow(UnitRef Unit, IReadOnlyList<QuotaCell> Months);

public sealed record ItemView(PlanItem Item, IReadOnlyList<ItemOccurrence> Occurrences);

/// <summary>A plan with each item's status in <paramref name="Year"/>: its only year, or the year shown of a plan over several years.</summary>
public sealed record PlanView(Plan Plan, string UnitName, int Year, IReadOnlyList<ItemView> Items);

public sealed record PlanSummary(int Id, int UnitId, string UnitShortName, int Year, int? EndYear, string? Number, string Title, int ItemCount)
{
    public string PeriodText => Plan.PeriodOf(Year, EndYear);
}

public sealed record PlanItemChoice(int Id, int Year, string PlanTitle, int Order, string Content)
{
    public string Label => $"{Order}. {(Content.Length > 90 ? Content[..90] + "…" : Content)}";
}

public sealed record Reminder(int PlanId, string PlanTitle, string UnitShortName, PlanItem Item);

/// <summary>Reads how units keep their plans: the monthly rule per unit and month, and each plan item's status, as of now.</summary>
public sealed class PlanCompliance(CchcDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public YearMonth CurrentMonth => YearMonth.Of(Now);

    /// <summary>Units × the months of <paramref name="months"/>: how many counted posts each unit published, and the verdict.</summary>
    public async Task<IReadOnlyList<QuotaRow>> QuotaAsync(IReadOnlyList<UnitRef> units, IReadOnlyList<YearMonth> months, CancellationToken ct)
    {
        if (months.Count == 0)
            return units.Select(u => new QuotaRow(u, [])).ToList();
        var ids = units.Select(u => u.Id).ToList();
        var (from, to) = (months.Min().StartUtc, months.Max().EndUtc);
        var kinds = PlanRules.QuotaKinds.ToList();
        var published = await db.Posts.AsNoTracking().PublishedBy(Now)
            .Where(p => ids.Contains(p.UnitId) && kinds.Contains(p.Kind) && p.PublishAt >= from && p.PublishAt < to)
            .Select(p => new { p.UnitId, PublishAt = p.PublishAt!.Value }).ToListAsync(ct);
        var counts = published.CountBy(p => (p.UnitId, YearMonth.Of(p.PublishAt))).ToDictionary();
        var current = CurrentMonth;
        return units.Select(unit => new QuotaRow(unit, months.Select(month =>
        {
            var count = counts.GetValueOrDefault((unit.Id, month));
            return new QuotaCell(month, PlanRules.Quota(month, count, current), count);
        }).ToList())).ToList();
    }

    /// <summary>The counted posts of a unit in a month: the drill-down behind a grid cell.</summary>
    public Task<List<LinkedPost>> MonthPostsAsync(int unitId, YearMonth month, CancellationToken ct)
    {
        var kinds = PlanRules.QuotaKinds.ToList();
        return db.Posts.AsNoTracking().PublishedBy(Now)
            .Where(p => p.UnitId == unitId && kinds.Contains(p.Kind) && p.PublishAt >= month.StartUtc && p.PublishAt < month.EndUtc)
            .OrderBy(p => p.PublishAt)
            .Select(p => new LinkedPost(p.Id, p.UnitId, p.Title, p.Kind, p.PublishAt!.Value)).ToListAsync(ct);
    }

    /// <summary>The plans of the units (null: every unit), newest year first.</summary>
    public Task<List<PlanSummary>> ListAsync(IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var query = db.Plans.AsNoTracking();
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            query = query.Where(p => ids.Contains(p.UnitId));
        }
        return query.OrderByDescending(p => p.Year).ThenBy(p => p.Unit.SortOrder).ThenBy(p => p.Id)
            .Select(p => new PlanSummary(p.Id, p.UnitId, p.Unit.ShortName, p.Year, p.EndYear, p.Number, p.Title, p.Items.Count)).ToListAsync(ct);
    }

    /// <summary>The unit's documents that can hold a plan's text, plans first, newest first.</summary>
    public async Task<List<(int Id, string Title)>> DocumentChoicesAsync(int unitId, CancellationToken ct) =>
        // Read as rows, then made tuples: PostgreSQL's provider would take a tuple in the query for a row value.
        (await db.Posts.AsNoTracking().Where(p => p.UnitId == unitId && p.Kind == PostKind.Document)
            .OrderBy(p => p.Document!.Type == DocumentType.Plan ? 0 : 1).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Title }).ToListAsync(ct))
        .Select(p => (p.Id, p.Title)).ToList();

    /// <summary>The rows the units' posts may carry out (null: every row), for the post form and the post list's filter.</summary>
    public Task<List<PlanItemChoice>> ChoicesAsync(IReadOnlyCollection<int>? unitIds, CancellationToken ct) =>
        (unitIds is null ? db.PlanItems : db.PlanItems.LinkableBy(unitIds)).AsNoTracking()
            .OrderByDescending(i => i.Plan.Year).ThenBy(i => i.PlanId).ThenBy(i => i.Order)
            .Select(i => new PlanItemChoice(i.Id, i.Plan.Year, i.Plan.Title, i.Order, i.Content)).ToListAsync(ct);

    /// <summary>A plan with each item's status in <paramref name="year"/> (default: the year it shows now).</summary>
    public async Task<PlanView?> PlanAsync(int planId, CancellationToken ct, int? year = null) =>
        (await PlansAsync(db.Plans.Where(p => p.Id == planId), year, ct)).FirstOrDefault();

    /// <summary>Every plan of the units that runs in the year, with each item's status in that year.</summary>
    public Task<IReadOnlyList<PlanView>> PlansAsync(IReadOnlyCollection<int> unitIds, int year, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        return PlansAsync(db.Plans.Where(p => ids.Contains(p.UnitId)).Running(year), year, ct);
    }

    /// <summary>Every plan, or those of one unit, running in one year, or both, with each item's status (in that year, or the year each shows now).</summary>
    public Task<IReadOnlyList<PlanView>> PlansAsync(int? unitId, int? year, CancellationToken ct)
    {
        var query = db.Plans.Where(p => unitId == null || p.UnitId == unitId);
        return PlansAsync(year is { } y ? query.Running(y) : query, year, ct);
    }

    /// <summary>What is due this month and not yet done, in the given units' plans.</summary>
    public async Task<IReadOnlyList<Reminder>> RemindersAsync(IReadOnlyCollection<int> unitIds, CancellationToken ct)
    {
        var plans = await PlansAsync(unitIds, CurrentMonth.Year, ct);
        return plans.SelectMany(view => view.Items
                .Where(item => item.Occurrences.Any(o => o.Month == CurrentMonth && o.Status == ItemStatus.DueThisMonth))
                .Select(item => new Reminder(view.Plan.Id, view.Plan.Title, view.UnitName, item.Item)))
            .ToList();
    }

    private async Task<IReadOnlyList<PlanView>> PlansAsync(IQueryable<Plan> query, int? year, CancellationToken ct)
    {
        // One statement: the items' coordinators (owned, so always loaded) nest inside the items, with no sibling collection
        // to multiply the rows by.
        var plans = await query.AsNoTracking().AsSingleQuery().Include(p => p.Items).Include(p => p.Unit).Include(p => p.DocumentPost)
            .OrderBy(p => p.Year).ThenBy(p => p.UnitId).ThenBy(p => p.Id).ToListAsync(ct);
        var itemIds = plans.SelectMany(p => p.Items).Select(i => i.Id).ToList();
        var linked = (await db.Posts.AsNoTracking().PublishedBy(Now).Where(p => p.PlanItemId != null && itemIds.Contains(p.PlanItemId.Value))
                .Select(p => new { ItemId = p.PlanItemId!.Value, Post = new LinkedPost(p.Id, p.UnitId, p.Title, p.Kind, p.PublishAt!.Value) })
                .ToListAsync(ct))
            .ToLookup(p => p.ItemId, p => p.Post);
        var (now, thisYear) = (Now, CurrentMonth.Year);
        return plans.Select(plan =>
        {
            var shown = year ?? plan.YearShown(thisYear);
            // The rows of a plan over several years recur every year; a post of an earlier year did the earlier year's duty.
            var from = shown > plan.Year ? new YearMonth(shown, 1).StartUtc : DateTime.MinValue;
            var firstMonth = plan.IssuedOn is { } issued && issued.Year == shown ? issued.Month : 1;
            return new PlanView(plan, plan.Unit.ShortName, shown, plan.Items.OrderBy(i => i.Order).Select(item =>
                new ItemView(item, PlanRules.Evaluate(item.Timing, item.DueMonths, item.DueDay, shown,
                    linked[item.Id].Where(p => p.PublishedAt >= from).ToList(), now, firstMonth))).ToList());
        }).ToList();
    }
}

public static class PlanQueries
{
    /// <summary>Plans whose period includes the year: plans of that year, and plans over several years that span it.</summary>
    public static IQueryable<Plan> Running(this IQueryable<Plan> plans, int year) =>
        plans.Where(p => p.Year <= year && (p.EndYear ?? p.Year) >= year);
}
