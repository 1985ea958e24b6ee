using Microsoft.AspNetCore.Identity;

namespace CchcSite.Content.Accounts;

/// <summary>A person who works in the editor area. What they may do comes from their unit memberships.</summary>
public class EditorUser : IdentityUser
{
    public required string FullName { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Administrators manage everything; everyone else acts only through <see cref="Memberships"/>.</summary>
    public bool IsAdministrator { get; set; }
    public List<UnitMembership> Memberships { get; set; } = [];
}

/// <summary>A role a user holds in one unit. A user may hold different roles in different units.</summary>
public class UnitMembership
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int UnitId { get; set; }
    public UnitRole Role { get; set; }
}

public enum UnitRole
{
    /// <summary>Biên tập viên.</summary>
    Editor,
    /// <summary>Lãnh đạo duyệt.</summary>
    Approver,
    /// <summary>Cán bộ tiếp nhận.</summary>
    HotlineOfficer,
    /// <summary>
    /// Theo dõi, giám sát: held in a Sở or Phòng Nội vụ; reads, in that unit and the units it oversees with their
    /// sub-units, what the editor area shows (posts in every state, plans, compliance, reports) and changes nothing.
    /// </summary>
    Overseer,
}

/// <summary>How a person of the editor area is named to others: never by e-mail address, which is their sign-in name.</summary>
public static class PersonName
{
    /// <summary>The full name; without one, the account's name part ("lan.nguyen" of "lan.nguyen@soctrang.gov.vn").</summary>
    public static string Of(string? fullName, string? account) =>
        !string.IsNullOrWhiteSpace(fullName) ? fullName.Trim()
        : account is { Length: > 0 } ? account.Split('@')[0]
        : "Cán bộ";
}
