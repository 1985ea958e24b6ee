namespace CchcSite.Content.Units;

/// <summary>A government unit with its own CCHC section at <c>/{Slug}</c>.</summary>
public class Unit
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public List<Unit> Children { get; set; } = [];
    public string? Description { get; set; }
    public UnitContact Contact { get; set; } = new();
    public UnitProfile Profile { get; set; } = new();
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>A ward with one officer may publish its own posts; everywhere else review needs a second person.</summary>
    public bool AllowSelfPublishing { get; set; }
    /// <summary>
    /// "Tự động nhận bài của đơn vị trực thuộc": the section lists every published post of the units below it, as it did
    /// before proposals existed. Off, it lists only the posts its board accepted (<see cref="Proposals.PostProposal"/>).
    /// </summary>
    public bool AcceptsSubUnitPostsAutomatically { get; set; } = true;
    /// <summary>Set when the unit was merged into another: its addresses answer 301 to that unit's.</summary>
    public int? MergedIntoId { get; set; }
    public DateTime? MergedAt { get; set; }
}

public class UnitContact
{
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Hotline { get; set; }
    public string? Email { get; set; }
}

public enum UnitKind
{
    Province,
    Department,
    District,
    Office,
    Ward,
    School,
    Other,
}
