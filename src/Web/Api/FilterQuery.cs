using System.Globalization;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>
/// The filter and paging values the post list and search both take. They arrive as text so that every bad
/// value gets its own clear message instead of a bare 400.
/// </summary>
public sealed record FilterQuery(
    string? Unit, string? Kind, string? Category, string? From, string? To, string? IncludeSubUnits, string? Page, string? PageSize)
{
    /// <summary>Adds a message per bad value to <paramref name="errors"/>; an unknown unit gives a 404 problem instead.</summary>
    internal async Task<(PostFilter Filter, ProblemHttpResult? UnknownUnit)> ToFilterAsync(
        UnitDirectory units, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var paging = new PageRequest(
            ParseInt(Page, 1, "page", "Số trang", errors),
            ParseInt(PageSize, PageRequest.DefaultSize, "pageSize", "Số mục mỗi trang", errors));
        foreach (var (key, messages) in paging.Validate())
            errors.TryAdd(key, messages);
        var kind = ParseKind(Kind, errors);
        var from = ParseDate(From, "from", errors);
        var to = ParseDate(To, "to", errors);
        if (from > to)
            errors["to"] = ["Ngày kết thúc phải không sớm hơn ngày bắt đầu."];
        var includeSubUnits = true;
        if (IncludeSubUnits is not null && !bool.TryParse(IncludeSubUnits, out includeSubUnits))
            errors["includeSubUnits"] = ["includeSubUnits phải là true hoặc false."];

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

    private static PostKind? ParseKind(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (Enum.TryParse<PostKind>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            return parsed;
        errors["kind"] = [$"Loại bài viết phải là một trong: {string.Join(", ", Enum.GetNames<PostKind>().Select(n => n.ToLowerInvariant()))}."];
        return null;
    }

    private static int ParseInt(string? value, int fallback, string key, string label, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return fallback;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        errors[key] = [$"{label} phải là số nguyên dương."];
        return fallback;
    }

    private static DateOnly? ParseDate(string? value, string key, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors[key] = ["Ngày phải có dạng yyyy-MM-dd, ví dụ 2022-02-18."];
        return null;
    }
}
