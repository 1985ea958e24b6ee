namespace CchcSite.Content.Plans;

/// <summary>Which plan items a unit's posts may carry out: the unit's own plans, and rows naming it as lead or coordinator.</summary>
public static class PlanItemLinks
{
    public static IQueryable<PlanItem> LinkableBy(this IQueryable<PlanItem> items, int unitId) =>
        items.Where(i => i.Plan.UnitId == unitId || i.LeadUnitId == unitId || i.Coordinators.Any(c => c.UnitId == unitId));
}
