using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>
/// The filter and paging values the post list and search both take. They arrive as text so that every bad
/// value gets its own clear message instead of a bare 400.
/// </summary>
public sealed class FilterQuery
{
    public string? Unit { get; init; }
    public string? Kind { get; init; }
    public string? Category { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? IncludeSubUnits { get; init; }
    public string? Page { get; init; }
    public string? PageSize { get; init; }

    /// <summary>Adds a message per bad value to <paramref name="errors"/>; an unknown unit gives a 404 problem instead.</summary>
    internal async Task<(PostFilter Filter, ProblemHttpResult? UnknownUnit)> ToFilterAsync(
        UnitDirectory units, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var paging = new PageQuery { Page = Page, PageSize = PageSize }.ToRequest(errors);
        var kind = QueryValues.Enum<PostKind>(Kind, "kind", "Loại bài viết", errors, lowerCase: true);
        var from = QueryValues.Date(From, "from", errors);
        var to = QueryValues.Date(To, "to", errors);
        if (from > to)
            errors["to"] = ["Ngày kết thúc phải không sớm hơn ngày bắt đầu."];
        var includeSubUnits = QueryValues.Bool(IncludeSubUnits, "includeSubUnits", errors) ?? true;

        int? unitId = null;
        ProblemHttpResult? unknownUnit = null;
        if (Unit is not null)
        {
            if (await units.FindAsync(Unit, ct) is { } unit)
                unitId = unit.Unit.Id;
            else
                unknownUnit = ApiProblems.NotFound($"Không có đơn vị '{Unit}'.");
        }
        return (new PostFilter(unitId, includeSubUnits, kind, Category, from, to) { Page = paging }, unknownUnit);
    }
}
