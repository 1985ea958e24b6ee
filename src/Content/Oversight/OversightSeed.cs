using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Data;
using CchcSite.Content.Units;

namespace CchcSite.Content.Oversight;

/// <summary>
/// Reads <c>seed/oversight.json</c>: which Nội vụ unit follows which units, as the plans say they report to it, and one
/// overseer account per Nội vụ unit. The accounts have no password (the site has no default password): an administrator
/// gives one before first use. Part of the seed's one transaction; a seed folder without the file seeds none.
/// </summary>
public static class OversightSeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Entry(string Overseer, string Basis, List<string> Overseen, Account Account);

    private sealed record Account(string Email, string FullName);

    public static async Task<int> ImportAsync(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units, CancellationToken ct)
    {
        if (!File.Exists(path))
            return 0;
        var entries = JsonSerializer.Deserialize<List<Entry>>(await File.ReadAllTextAsync(path, ct), Json)
                      ?? throw new InvalidDataException($"{path}: expected a JSON array.");
        foreach (var entry in entries)
        {
            Unit Named(string slug) => units.GetValueOrDefault(slug)
                ?? throw new InvalidDataException($"{path}: '{slug}' is not a unit in units.json.");
            var overseer = Named(entry.Overseer);
            if (string.IsNullOrWhiteSpace(entry.Basis))
                throw new InvalidDataException($"{path}: {entry.Overseer} needs the plan text it rests on (basis).");
            foreach (var slug in entry.Overseen.Distinct())
                db.UnitOversights.Add(new UnitOversight { OverseerUnit = overseer, OverseenUnit = Named(slug) });
            var email = entry.Account.Email;
            var user = new EditorUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, FullName = entry.Account.FullName, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            user.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = overseer.Id, Role = UnitRole.Overseer });
            db.Users.Add(user);
        }
        await db.SaveChangesAsync(ct);
        return entries.Count;
    }
}
