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
}
