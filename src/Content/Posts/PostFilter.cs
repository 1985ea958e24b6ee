using CchcSite.Content.Paging;

namespace CchcSite.Content.Posts;

/// <summary>What a public list asks for. Dates are Vietnamese calendar days, inclusive.</summary>
public sealed record PostFilter(
    int? UnitId = null,
    bool IncludeSubUnits = true,
    PostKind? Kind = null,
    string? CategorySlug = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public PageRequest Page { get; init; } = new();

    /// <summary>Only posts carrying the tag with this slug.</summary>
    public string? TagSlug { get; init; }

    /// <summary>Only posts meant for this audience; a post for everyone is meant for each audience too.</summary>
    public Audience? Audience { get; init; }

    /// <summary>Only posts marked "Tin nổi bật".</summary>
    public bool FeaturedOnly { get; init; }

    /// <summary>Leaves this post out (the lead story, shown above the list).</summary>
    public int? ExceptPostId { get; init; }
}
