using CchcSite.Content.Accounts;
using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Reports;

/// <summary>
/// Who is written to about a unit's reports: the active accounts whose role in the unit allows the action, as the one
/// permission table says — <see cref="EditorAction.ReceiveReports"/> in the overseeing unit (its overseers),
/// <see cref="EditorAction.SubmitReport"/> in the reporting unit (its approvers). Administrators are not written to:
/// they hold every unit and answer for none.
/// </summary>
public sealed class ReportContacts(CchcDbContext db)
{
    public async Task<IReadOnlyList<string>> AddressesAsync(int unitId, EditorAction action, CancellationToken ct)
    {
        var roles = Enum.GetValues<UnitRole>().Where(role => Permissions.RoleAllows(role, action)).ToList();
        var addresses = await db.UnitMemberships.AsNoTracking().Where(m => m.UnitId == unitId && roles.Contains(m.Role))
            .Join(db.Users.Where(u => u.IsActive && u.Email != null), m => m.UserId, u => u.Id, (_, u) => u.Email!)
            .ToListAsync(ct);
        return addresses.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
    }
}
