using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Accounts;

/// <summary>
/// Reads a user's grants fresh from the database, so a revoked role or a deactivation counts at once. An overseer's
/// membership is widened to the units it oversees (<see cref="Oversight.OversightReach"/>).
/// </summary>
public sealed class UserGrantsReader(CchcDbContext db)
{
    public async Task<UserGrants> ReadAsync(string? userId, CancellationToken ct)
    {
        if (userId is null)
            return UserGrants.Nobody;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.IsActive, u.IsAdministrator, Roles = u.Memberships.Select(m => new { m.UnitId, m.Role }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return UserGrants.Nobody;
        IReadOnlyList<(int UnitId, UnitRole Role)> roles = user.Roles.Select(r => (r.UnitId, r.Role)).ToList();
        if (roles.Any(r => r.Role == UnitRole.Overseer))
            roles = await WidenOversightAsync(roles, ct);
        return new UserGrants(user.Id, user.IsActive, user.IsAdministrator, roles);
    }

    private async Task<IReadOnlyList<(int UnitId, UnitRole Role)>> WidenOversightAsync(IReadOnlyList<(int UnitId, UnitRole Role)> roles, CancellationToken ct)
    {
        var overseerUnits = roles.Where(r => r.Role == UnitRole.Overseer).Select(r => r.UnitId).ToList();
        var overseen = (await db.UnitOversights.AsNoTracking().Where(o => overseerUnits.Contains(o.OverseerUnitId))
            .Select(o => new { o.OverseerUnitId, o.OverseenUnitId }).ToListAsync(ct)).ToLookup(o => o.OverseerUnitId, o => o.OverseenUnitId);
        var parentOf = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        return Oversight.OversightReach.Widen(roles, overseen, parentOf);
    }
}
