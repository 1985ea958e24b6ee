using CchcSite.Content.Accounts;

namespace CchcSite.Content.Oversight;

/// <summary>
/// Where an overseer's role reaches. A <see cref="UnitRole.Overseer"/> membership is held in the overseeing unit (the Sở
/// Nội vụ); it counts in that unit, in every unit the unit oversees and in all their sub-units. The grants are widened
/// here, once, when they are read, so that <see cref="Permissions"/> stays the one table and every page that asks it
/// (lists by <see cref="Permissions.UnitsAllowing"/>, items by <see cref="Permissions.Allows"/>) treats the overseen
/// units like the overseer's own, for the read-only actions the overseer holds.
/// </summary>
public static class OversightReach
{
    /// <param name="roles">The user's memberships as stored.</param>
    /// <param name="overseen">Overseer unit → the units it oversees.</param>
    /// <param name="parentOf">Every unit's parent (null for a root).</param>
    public static IReadOnlyList<(int UnitId, UnitRole Role)> Widen(IReadOnlyList<(int UnitId, UnitRole Role)> roles,
        ILookup<int, int> overseen, IReadOnlyDictionary<int, int?> parentOf)
    {
        var overseers = roles.Where(r => r.Role == UnitRole.Overseer).Select(r => r.UnitId).ToHashSet();
        if (overseers.Count == 0)
            return roles;
        var watched = overseers.SelectMany(u => overseen[u]).ToHashSet();
        var reached = parentOf.Keys.Where(unit => !overseers.Contains(unit) && IsWithin(unit, watched, parentOf))
            .Select(unit => (unit, UnitRole.Overseer));
        return roles.Concat(reached).ToList();
    }

    /// <summary>Whether the unit is one of <paramref name="roots"/> or below one of them.</summary>
    private static bool IsWithin(int unit, HashSet<int> roots, IReadOnlyDictionary<int, int?> parentOf)
    {
        int? current = unit;
        // The bound guards a cycle in bad data.
        for (var step = 0; current is { } id && step <= parentOf.Count; step++)
        {
            if (roots.Contains(id))
                return true;
            current = parentOf.GetValueOrDefault(id);
        }
        return false;
    }
}
