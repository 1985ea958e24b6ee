using System.Globalization;
using System.Text.RegularExpressions;
using CchcSite.Content.Text;

namespace CchcSite.Content.Plans;

/// <summary>The schedule a "Thời gian thực hiện" cell means, or why it means nothing.</summary>
public sealed record ParsedTiming(PlanTiming Timing, IReadOnlyList<int> Months, string? Error, int? DueDay = null);

/// <summary>
/// Reads "Thời gian thực hiện" the way plans write it: "Tháng 01 năm 2022", "Tháng 3, 6, 9", "1, 7" or
/// "Thường xuyên"; and the reporting duties: "Hằng quý, trước ngày 15 của tháng cuối quý" (months 3, 6, 9, 12 by
/// the 15th), "Trước ngày 15/6" (June, by the 15th). A cell without a month (e.g. "Sau khi nhận được quyết định
/// công bố") is a row done when the occasion arises. Seed data and imported files go through this one reader.
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
        var dates = DayAndMonth().Matches(folded).SelectMany(m => Number().Matches(m.Groups[1].Value).Chunk(2))
            .Select(pair => (Day: int.Parse(pair[0].Value, CultureInfo.InvariantCulture), Month: int.Parse(pair[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
        if (dates.Count > 0)
            return Deadlines(dates);
        int? day = DayOnly().Match(folded) is { Success: true } dayMatch ? int.Parse(dayMatch.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        if (day is < 1 or > 28)
            return new ParsedTiming(PlanTiming.Months, [], $"Ngày \"{day}\" không hợp lệ: hạn trong tháng phải từ ngày 1 đến ngày 28.");
        if (Quarterly().IsMatch(folded))
            return new ParsedTiming(PlanTiming.Months, [3, 6, 9, 12], null, day);
        // A bare list of numbers is a list of months; otherwise only numbers after "tháng" are months ("năm 2022" is not).
        var numbers = (BareList().IsMatch(folded) ? Number().Matches(folded).Select(m => m.Value)
            : AfterMonthWord().Matches(folded).SelectMany(m => Number().Matches(m.Groups[1].Value).Select(n => n.Value))).ToList();
        if (numbers.Count == 0)
            return new ParsedTiming(PlanTiming.WhenArises, [], null);
        var months = numbers.Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        if (months.Where(m => m is < 1 or > 12).Select(m => (int?)m).FirstOrDefault() is { } wrong)
            return new ParsedTiming(PlanTiming.Months, [], $"Tháng \"{wrong}\" không hợp lệ: tháng phải từ 1 đến 12.");
        return new ParsedTiming(PlanTiming.Months, months.Distinct().Order().ToList(), null, day);
    }

    /// <summary>
    /// "Trước ngày 15/6 và 15/12": the months, by one day of the month. A row keeps one due day (days past the 28th
    /// would not exist in every month), so dates on different days belong in rows of their own.
    /// </summary>
    private static ParsedTiming Deadlines(List<(int Day, int Month)> dates)
    {
        if (dates.Where(d => d.Month is < 1 or > 12).Select(d => (int?)d.Month).FirstOrDefault() is { } wrongMonth)
            return new ParsedTiming(PlanTiming.Months, [], $"Tháng \"{wrongMonth}\" không hợp lệ: tháng phải từ 1 đến 12.");
        if (dates.Where(d => d.Day is < 1 or > 28).Select(d => (int?)d.Day).FirstOrDefault() is { } wrongDay)
            return new ParsedTiming(PlanTiming.Months, [], $"Ngày \"{wrongDay}\" không hợp lệ: hạn trong tháng phải từ ngày 1 đến ngày 28.");
        if (dates.Select(d => d.Day).Distinct().Count() > 1)
            return new ParsedTiming(PlanTiming.Months, [], "Các hạn trong một dòng phải cùng một ngày của tháng; hãy tách thành nhiều dòng.");
        return new ParsedTiming(PlanTiming.Months, dates.Select(d => d.Month).Distinct().Order().ToList(), null, dates[0].Day);
    }

    [GeneratedRegex(@"thuong-xuyen|hang-thang")]
    private static partial Regex Monthly();

    /// <summary>"ngày 15/6", "ngày 15/6 và 15/12" folded: days and months, in pairs.</summary>
    [GeneratedRegex(@"ngay-(\d{1,2}-\d{1,2}(?:-(?:va-)?\d{1,2}-\d{1,2})*)(?:-|$)")]
    private static partial Regex DayAndMonth();

    /// <summary>"trước ngày 15 của tháng …": a day of every due month.</summary>
    [GeneratedRegex(@"ngay-(\d{1,2})(?:-|$)")]
    private static partial Regex DayOnly();

    /// <summary>"Hằng quý", "mỗi quý", "định kỳ quý": due in each quarter's last month.</summary>
    [GeneratedRegex(@"(?:^|-)(?:hang|moi|dinh-ky)-quy(?:-|$)")]
    private static partial Regex Quarterly();

    [GeneratedRegex(@"^[\d-]+$")]
    private static partial Regex BareList();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"thang-((?:\d+-?(?:va-)?)+)")]
    private static partial Regex AfterMonthWord();
}
