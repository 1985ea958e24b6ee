using System.Globalization;
using System.Text.RegularExpressions;

namespace CchcSite.Content.Text;

/// <summary>
/// The one way a typed date or date-time is read and written back: dd/mm/yyyy and "dd/mm/yyyy HH:mm" (24-hour, Vietnam
/// time), whatever the browser's language. Forms, imports, contests and surveys all read through here, so a date means the
/// same thing everywhere and is refused with the same words.
/// </summary>
public static partial class VietnameseDate
{
    public const string DatePlaceholder = "dd/mm/yyyy";
    public const string DateTimePlaceholder = "dd/mm/yyyy hh:mm";
    public const string DateHint = "Ngày/tháng/năm, ví dụ 15/06/2027.";
    public const string DateTimeHint = "Ngày/tháng/năm giờ:phút (24 giờ, giờ Việt Nam), ví dụ 15/06/2027 08:30.";
    /// <summary>An HTML pattern attribute for the inputs: lets a browser say "wrong shape" before sending; the server decides.</summary>
    /// (Written for the browsers' "v" mode, where "/" and "-" in a class are escaped.)
    public const string DateInputPattern = @"\s*(?:\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}|\d{8})\s*";
    public const string DateTimeInputPattern = @"\s*\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}\s+\d{1,2}:\d{2}\s*";

    // d/m/yyyy with "/", "-" or "." (spreadsheets and Word write all three); ddmmyyyy, all a phone's number pad can type;
    // yyyy-mm-dd stays readable because old links, XLSX date cells and the browser's own date inputs used it.
    [GeneratedRegex(@"^(?:(?<d>[0-9]{1,2})(?<s>[/.\-])(?<m>[0-9]{1,2})\k<s>(?<y>[0-9]{4})|(?<d>[0-9]{2})(?<m>[0-9]{2})(?<y>[0-9]{4})|(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2}))$")]
    private static partial Regex DateShape();

    // The time after the date (as typed in forms) or before it (as VietnamTime.FormatDateTime shows it, so a copied
    // time reads back); "T" joins the ISO form of the browser's old datetime-local inputs.
    [GeneratedRegex(@"^(?:(?<date>\S+)(?:\s+|T)(?<h>[0-9]{1,2}):(?<min>[0-9]{2})|(?<h>[0-9]{1,2}):(?<min>[0-9]{2})\s+(?<date>\S+))$")]
    private static partial Regex DateTimeShape();

    /// <summary>A calendar day as typed, or the Vietnamese message that says what is wrong; empty text is neither (both null).</summary>
    public static Read<DateOnly> ParseDate(string? text)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
            return new(null, null);
        var match = DateShape().Match(typed);
        if (!match.Success)
            return new(null, "Ngày phải có dạng dd/mm/yyyy, ví dụ 15/06/2027.");
        var (day, month, year) = (Number(match, "d"), Number(match, "m"), Number(match, "y"));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return new(null, $"Không có ngày {day:00}/{month:00}/{year:0000} trong lịch.");
        return new(new DateOnly(year, month, day), null);
    }

    /// <summary>
    /// A Vietnam local date and time as typed, as the UTC instant it names (Vietnam keeps UTC+7 all year); or the Vietnamese
    /// message that says what is wrong; empty text is neither.
    /// </summary>
    public static Read<DateTime> ParseDateTime(string? text)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
            return new(null, null);
        var match = DateTimeShape().Match(typed);
        if (!match.Success)
            return new(null, "Thời gian phải có dạng dd/mm/yyyy hh:mm (24 giờ), ví dụ 15/06/2027 08:30.");
        var date = ParseDate(match.Groups["date"].Value);
        if (date.Problem is not null)
            return new(null, date.Problem);
        var (hour, minute) = (Number(match, "h"), Number(match, "min"));
        if (hour > 23 || minute > 59)
            return new(null, $"Không có giờ {hour:00}:{minute:00}; giờ ghi từ 00:00 đến 23:59.");
        var local = date.Value!.Value.ToDateTime(new TimeOnly(hour, minute));
        return new(DateTime.SpecifyKind(local - VietnamTime.Offset, DateTimeKind.Utc), null);
    }

    /// <summary>A day as an input shows it: 05/01/2027.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant as an input shows it, in Vietnam time: 05/01/2027 08:30.</summary>
    public static string FormatDateTime(DateTime utc) => VietnamTime.ToLocal(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A day as an official document dates itself (Nghị định 30/2020/NĐ-CP, Phụ lục I): "ngày 05 tháng 02 năm 2027" — a zero
    /// before a day under 10 and before months 1 and 2 (so "tháng 1" cannot be altered to "tháng 11"), none before months 3–9.
    /// </summary>
    public static string InWords(DateOnly date) =>
        $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}";

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>What was read: a value, a problem, or (for empty text) neither.</summary>
    public readonly record struct Read<T>(T? Value, string? Problem) where T : struct
    {
        public bool Empty => Value is null && Problem is null;
    }
}
