namespace CchcSite.Content.Plans;

/// <summary>Which plan items a unit's posts may carry out: the unit's own plans, and rows naming it as lead or coordinator.</summary>
public static class PlanItemLinks
{
    public static IQueryable<PlanItem> LinkableBy(this IQueryable<PlanItem> items, IReadOnlyCollection<int> unitIds)
    {
        var ids = unitIds.ToList();
        return items.Where(i => ids.Contains(i.Plan.UnitId) || (i.LeadUnitId != null && ids.Contains(i.LeadUnitId.Value))
                                || i.Coordinators.Any(c => c.UnitId != null && ids.Contains(c.UnitId.Value)));
    }
}
