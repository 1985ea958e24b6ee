using CchcSite.Content.Accounts;
using CchcSite.Content.Oversight;

namespace CchcSite.Content.Tests;

/// <summary>How far an overseer's membership reaches: its own unit, the units it oversees and their sub-units, nothing else.</summary>
public class OversightReachTests
{
    // Province 1 ─┬─ Sở Nội vụ 2
    //             ├─ Sở GDĐT 3 ── Trường 4
    //             └─ Sở Y tế 5
    private static readonly Dictionary<int, int?> ParentOf = new() { [1] = null, [2] = 1, [3] = 1, [4] = 3, [5] = 1 };
    private static readonly ILookup<int, int> Overseen = new[] { (Overseer: 2, Unit: 3) }.ToLookup(o => o.Overseer, o => o.Unit);

    [Fact]
    public void An_overseer_reaches_the_overseen_unit_and_its_sub_units_but_not_siblings_or_parents()
    {
        var roles = OversightReach.Widen([(2, UnitRole.Overseer)], Overseen, ParentOf);
        Assert.Equal([2, 3, 4], roles.Select(r => r.UnitId).Order());
        Assert.All(roles, r => Assert.Equal(UnitRole.Overseer, r.Role));
        var user = new UserGrants("u", true, false, roles);
        Assert.True(Permissions.Allows(user, EditorAction.ReadDraft, 4));
        Assert.False(Permissions.Allows(user, EditorAction.ReadDraft, 5));
        Assert.False(Permissions.Allows(user, EditorAction.ViewPlans, 1));
        Assert.False(Permissions.Allows(user, EditorAction.Edit, 3));
    }

    [Fact]
    public void Other_roles_in_an_overseeing_unit_reach_nothing_beyond_it()
    {
        var roles = OversightReach.Widen([(2, UnitRole.Approver)], Overseen, ParentOf);
        Assert.Equal([(2, UnitRole.Approver)], roles);
    }

    [Fact]
    public void A_cycle_in_bad_data_ends()
    {
        var cyclic = new Dictionary<int, int?> { [7] = 8, [8] = 7, [3] = null };
        Assert.Equal([3], OversightReach.Widen([(2, UnitRole.Overseer)], Overseen, cyclic).Where(r => r.UnitId != 2).Select(r => r.UnitId));
    }
}
