namespace CchcSite.Content.Units;

/// <summary>
/// The unit's "Giới thiệu": what Decree 42/2022 asks a state portal to publish about the agency behind it — its
/// functions and duties, its organisation, its leaders with their official contact, where to find it — and the short
/// English version a foreign reader or investor looks for. Edited by the unit's approvers; stored with the unit.
/// </summary>
public class UnitProfile
{
    /// <summary>Chức năng, nhiệm vụ (Markdown).</summary>
    public string? Functions { get; set; }
    /// <summary>Cơ cấu tổ chức (Markdown).</summary>
    public string? Organisation { get; set; }
    /// <summary>A link to the unit on a map, shown as a link with the address as text (no map script on our pages).</summary>
    public string? MapUrl { get; set; }
    public string? EnglishName { get; set; }
    /// <summary>A few sentences in English on what the unit does (plain text).</summary>
    public string? EnglishIntro { get; set; }
    public List<UnitLeader> Leaders { get; set; } = [];

    public bool IsEmpty => Functions is null && Organisation is null && Leaders.Count == 0 && EnglishIntro is null;
}

/// <summary>A leader as the portal lists them: the official contact of the post, never a private one.</summary>
public class UnitLeader
{
    public required string Name { get; set; }
    public required string Position { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}
