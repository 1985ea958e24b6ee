using System.Globalization;
using System.Text.RegularExpressions;
using CchcSite.Content.Text;

namespace CchcSite.Content.Plans;

/// <summary>The schedule a "Thời gian thực hiện" cell means, or why it means nothing.</summary>
public sealed record ParsedTiming(PlanTiming Timing, IReadOnlyList<int> Months, string? Error);

/// <summary>
/// Reads "Thời gian thực hiện" the way plans write it: "Tháng 01 năm 2022", "Tháng 3, 6, 9", "1, 7" or
/// "Thường xuyên". A cell without a month (e.g. "Sau khi nhận được quyết định công bố") is a row done when
/// the occasion arises. Seed data and imported files go through this one reader.
/// </summary>
public static partial class PlanTimingText
{
    public static ParsedTiming Parse(string? text)
    {
        // Slug folding removes tones and case and turns punctuation into hyphens: "Tháng 3, 6" becomes "thang-3-6".
        var folded = Slug.From(text ?? "");
        if (folded.Length == 0)
            return new ParsedTiming(PlanTiming.WhenArises, [], "Thiếu thời gian thực hiện (ví dụ: \"Tháng 3\", \"1, 7\" hoặc \"Thường xuyên\").");
        if (Monthly().IsMatch(folded))
            return new ParsedTiming(PlanTiming.Monthly, [], null);
        // A bare list of numbers is a list of months; otherwise only numbers after "tháng" are months ("năm 2022" is not).
        var numbers = (BareList().IsMatch(folded) ? Number().Matches(folded).Select(m => m.Value)
            : AfterMonthWord().Matches(folded).SelectMany(m => Number().Matches(m.Groups[1].Value).Select(n => n.Value))).ToList();
        if (numbers.Count == 0)
            return new ParsedTiming(PlanTiming.WhenArises, [], null);
        var months = numbers.Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        if (months.Where(m => m is < 1 or > 12).Select(m => (int?)m).FirstOrDefault() is { } wrong)
            return new ParsedTiming(PlanTiming.Months, [], $"Tháng \"{wrong}\" không hợp lệ: tháng phải từ 1 đến 12.");
        return new ParsedTiming(PlanTiming.Months, months.Distinct().Order().ToList(), null);
    }

    [GeneratedRegex(@"thuong-xuyen|hang-thang")]
    private static partial Regex Monthly();

    [GeneratedRegex(@"^[\d-]+$")]
    private static partial Regex BareList();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"thang-((?:\d+-?(?:va-)?)+)")]
    private static partial Regex AfterMonthWord();
}
