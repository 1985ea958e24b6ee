using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcSite.Content.Procedures;

/// <summary>The rules every procedure keeps, whoever writes it (the editor's form, the import, the seed), and the words for its values.</summary>
public static partial class ProcedureRules
{
    public const int MaxCode = 20;
    public const int MaxName = 500;
    public const int MaxShort = 300;
    public const int MaxText = 2000;
    public const int MaxLongText = 4000;
    public const int MaxUrl = 500;
    public const int MaxDecisionNumber = 60;
    public const int MaxSteps = 30;
    public const int MaxDossier = 40;

    /// <summary>The national database's codes: one or two digits, a dot, six digits ("1.001193", "2.000488").</summary>
    [GeneratedRegex(@"^\d{1,2}\.\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>Lower case, "đ" as "d", tones and marks dropped: "Đăng ký khai sinh" → "dang ky khai sinh".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(c);
        return string.Join(' ', folded.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The fee as a number from the way the decisions write it: "Không" (0), "8.000 đồng", "50.000đ/bản" (50000); null
    /// when the text is not one amount (several rates, a percentage): the text is what the citizen reads anyway.
    /// </summary>
    public static bool TryParseFee(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var folded = Fold(text);
        if (folded is "khong" or "mien phi" or "0" || folded.StartsWith("khong ", StringComparison.Ordinal) || folded.StartsWith("khong.", StringComparison.Ordinal))
        {
            amount = 0;
            return true;
        }
        var match = FeePattern().Match(folded);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value.Replace(".", "").Replace(",", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return false;
        amount = value;
        return true;
    }

    [GeneratedRegex(@"^(\d{1,3}(?:[.,]\d{3})*|\d+)\s*(?:dong|d|vnd)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex FeePattern();

    public static string Vietnamese(this OnlineServiceLevel level) => level switch
    {
        OnlineServiceLevel.Full => "Dịch vụ công trực tuyến toàn trình",
        OnlineServiceLevel.Partial => "Dịch vụ công trực tuyến một phần",
        _ => "Không có dịch vụ công trực tuyến",
    };

    public static string Slug(this OnlineServiceLevel level) => level switch
    {
        OnlineServiceLevel.Full => "toan-trinh",
        OnlineServiceLevel.Partial => "mot-phan",
        _ => "khong",
    };

    public static OnlineServiceLevel? OnlineLevelFromSlug(string? slug) =>
        Enum.GetValues<OnlineServiceLevel>().Cast<OnlineServiceLevel?>().FirstOrDefault(l => l!.Value.Slug() == slug);

    /// <summary>The words of the national database and of import files ("Toàn trình", "Một phần", "Không").</summary>
    public static OnlineServiceLevel? OnlineLevelFromText(string? text) => Fold(text ?? "") switch
    {
        "toan trinh" or "dich vu cong truc tuyen toan trinh" => OnlineServiceLevel.Full,
        "mot phan" or "dich vu cong truc tuyen mot phan" => OnlineServiceLevel.Partial,
        "khong" or "" => OnlineServiceLevel.None,
        _ => null,
    };

    public static string Vietnamese(this ProcedureStatus status) => status switch
    {
        ProcedureStatus.Replaced => "Đã được sửa đổi, thay thế",
        ProcedureStatus.Abolished => "Đã bãi bỏ",
        _ => "Đang hiệu lực",
    };

    public static string Slug(this ProcedureStatus status) => status switch
    {
        ProcedureStatus.Replaced => "da-thay-the",
        ProcedureStatus.Abolished => "da-bai-bo",
        _ => "hieu-luc",
    };

    public static ProcedureStatus? StatusFromSlug(string? slug) =>
        Enum.GetValues<ProcedureStatus>().Cast<ProcedureStatus?>().FirstOrDefault(s => s!.Value.Slug() == slug);

    public static string Vietnamese(this ProcedureChange change) => change switch
    {
        ProcedureChange.New => "Công bố mới",
        ProcedureChange.Amended => "Sửa đổi, bổ sung",
        ProcedureChange.Replaced => "Thay thế",
        _ => "Bãi bỏ",
    };

    public static string Vietnamese(this SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.Post => "Qua dịch vụ bưu chính",
        SubmissionChannel.Online => "Trực tuyến",
        _ => "Trực tiếp",
    };
}
