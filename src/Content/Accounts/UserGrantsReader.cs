using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Accounts;

/// <summary>Reads a user's grants fresh from the database, so a revoked role or a deactivation counts at once.</summary>
public sealed class UserGrantsReader(CchcDbContext db)
{
    public async Task<UserGrants> ReadAsync(string? userId, CancellationToken ct)
    {
        if (userId is null)
            return UserGrants.Nobody;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.IsActive, u.IsAdministrator, Roles = u.Memberships.Select(m => new { m.UnitId, m.Role }).ToList() })
            .FirstOrDefaultAsync(ct);
        return user is null ? UserGrants.Nobody
            : new UserGrants(user.Id, user.IsActive, user.IsAdministrator, user.Roles.Select(r => (r.UnitId, r.Role)).ToList());
    }
}
