using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Accounts;

public sealed record AccountRow(string Id, string Email, string FullName, bool IsActive, bool IsAdministrator,
    IReadOnlyList<(int MembershipId, string UnitName, UnitRole Role)> Roles);

/// <summary>
/// What administrators change about accounts: unit roles and whether an account may sign in. Every change
/// is audited in the same save.
/// </summary>
public sealed class AccountAdministration(CchcDbContext db, AuditLog audit)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.FullName, u.IsActive, u.IsAdministrator }).ToListAsync(ct);
        var roles = await db.UnitMemberships.AsNoTracking()
            .Join(db.Units, m => m.UnitId, u => u.Id, (m, u) => new { m.Id, m.UserId, u.Name, m.Role }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId);
        return users.Select(u => new AccountRow(u.Id, u.Email ?? "", u.FullName, u.IsActive, u.IsAdministrator,
            byUser[u.Id].OrderBy(r => r.Name).Select(r => (r.Id, r.Name, r.Role)).ToList())).ToList();
    }

    public async Task<Outcome<UnitMembership>> GrantAsync(string userId, int unitId, UnitRole role, Actor actor, CancellationToken ct)
    {
        var user = await db.Users.FindAsync([userId], ct);
        var unit = await db.Units.FindAsync([unitId], ct);
        if (user is null || unit is null)
            return new Outcome<UnitMembership>.NotFound("Không tìm thấy tài khoản hoặc đơn vị.");
        if (await db.UnitMemberships.AnyAsync(m => m.UserId == userId && m.UnitId == unitId && m.Role == role, ct))
            return new Outcome<UnitMembership>.Conflict($"{user.Email} đã là {role.Vietnamese()} của {unit.ShortName}.");
        var membership = new UnitMembership { UserId = userId, UnitId = unitId, Role = role };
        db.UnitMemberships.Add(membership);
        audit.Record(actor, AuditActions.PermissionChanged, $"Giao {user.Email} vai trò {role.Vietnamese()} của {unit.ShortName}", "Account", userId, unitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<UnitMembership>.Ok(membership);
    }

    public async Task<Outcome<UnitMembership>> RevokeAsync(int membershipId, Actor actor, CancellationToken ct)
    {
        var membership = await db.UnitMemberships.FindAsync([membershipId], ct);
        if (membership is null)
            return new Outcome<UnitMembership>.NotFound("Không tìm thấy vai trò này; có thể đã được thu hồi.");
        var user = await db.Users.FirstAsync(u => u.Id == membership.UserId, ct);
        var unit = await db.Units.Where(u => u.Id == membership.UnitId).Select(u => u.ShortName).FirstAsync(ct);
        db.UnitMemberships.Remove(membership);
        EndSessions(user);
        audit.Record(actor, AuditActions.PermissionChanged, $"Thu hồi vai trò {membership.Role.Vietnamese()} của {user.Email} tại {unit}", "Account", membership.UserId, membership.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<UnitMembership>.Ok(membership);
    }

    /// <summary>Locks or unlocks an account; locking one's own would leave nobody able to undo it, so it is refused.</summary>
    public async Task<Outcome<EditorUser>> SetActiveAsync(string userId, bool active, Actor actor, CancellationToken ct)
    {
        if (!active && userId == actor.UserId)
            return new Outcome<EditorUser>.Refused("Không thể tự khóa tài khoản của chính mình.");
        var user = await db.Users.FindAsync([userId], ct);
        if (user is null)
            return new Outcome<EditorUser>.NotFound("Không tìm thấy tài khoản.");
        if (user.IsActive == active)
            return new Outcome<EditorUser>.Ok(user);
        user.IsActive = active;
        if (!active)
            EndSessions(user);
        audit.Record(actor, AuditActions.PermissionChanged, $"{(active ? "Mở khóa" : "Khóa")} tài khoản {user.Email}", "Account", userId);
        await db.SaveChangesAsync(ct);
        return new Outcome<EditorUser>.Ok(user);
    }

    /// <summary>
    /// A new security stamp: the site checks it on every request, so every session the person has open — and any
    /// copy of its cookie — ends now. Taking rights away does this; granting a role does not need to, since the
    /// grants are read afresh on every request anyway.
    /// </summary>
    private static void EndSessions(EditorUser user) => user.SecurityStamp = Guid.NewGuid().ToString("N");
}
