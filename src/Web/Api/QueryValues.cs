using System.Globalization;
using CchcSite.Content.Paging;

namespace CchcSite.Web.Api;

/// <summary>
/// Query values arrive as text and are parsed here, so that every bad value gets a Vietnamese message under its
/// parameter's name in one ValidationProblem, instead of the framework's bare 400.
/// </summary>
internal static class QueryValues
{
    public static int? Int(string? value, string key, string label, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        errors[key] = [$"{label} phải là số nguyên dương."];
        return null;
    }

    public static DateOnly? Date(string? value, string key, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors[key] = ["Ngày phải có dạng yyyy-MM-dd, ví dụ 2022-02-18."];
        return null;
    }

    public static bool? Bool(string? value, string key, Dictionary<string, string[]> errors)
    {
        if (value is null)
            return null;
        if (bool.TryParse(value, out var parsed))
            return parsed;
        errors[key] = [$"{key} phải là true hoặc false."];
        return null;
    }

    /// <summary>A value of the enum by name, ignoring case.</summary>
    public static TEnum? Enum<TEnum>(string? value, string key, string label, Dictionary<string, string[]> errors, bool lowerCase = false)
        where TEnum : struct, Enum
    {
        if (value is null)
            return null;
        if (System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
            return parsed;
        var names = System.Enum.GetNames<TEnum>().Select(n => lowerCase ? n.ToLowerInvariant() : n);
        errors[key] = [$"{label} phải là một trong: {string.Join(", ", names)}."];
        return null;
    }
}

/// <summary>The page and page size every list in the API takes; a page past the end, however far, is an empty page.</summary>
public sealed class PageQuery
{
    public string? Page { get; init; }
    public string? PageSize { get; init; }

    internal PageRequest ToRequest(Dictionary<string, string[]> errors)
    {
        var page = PageNumber.Parse(Page);
        if (page is null)
            errors["page"] = ["Số trang phải là số nguyên dương."];
        var request = new PageRequest(page ?? 1, QueryValues.Int(PageSize, "pageSize", "Số mục mỗi trang", errors) ?? PageRequest.DefaultSize);
        foreach (var (key, messages) in request.Validate())
            errors.TryAdd(key, messages);
        return request;
    }
}
