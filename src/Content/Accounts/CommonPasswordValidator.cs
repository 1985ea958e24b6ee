using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CchcSite.Content.Site;
using Microsoft.AspNetCore.Identity;

namespace CchcSite.Content.Accounts;

/// <summary>
/// Refuses the passwords an attacker tries first (NIST SP 800-63B §5.1.1.2): those on a shipped list of
/// well-known common passwords — also once lower-cased, without tones, without the digits and symbols people
/// add at either end and with l33t letters read back ("P@ssw0rd2026!" is "password") — runs and sequences
/// such as "aaaaaaaaaA1" or "abcdef123", and words the attacker knows from the context: the name in the
/// account's e-mail address and the site's name. Length and character classes stay with Identity's options.
/// </summary>
public sealed partial class CommonPasswordValidator(SiteIdentity site) : IPasswordValidator<EditorUser>
{
    public const string ResourceName = "CchcSite.Content.Accounts.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> Known = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<EditorUser> manager, EditorUser user, string? password)
    {
        var error = Check(password ?? "", user.Email, site.Name);
        return Task.FromResult(error is null ? IdentityResult.Success : IdentityResult.Failed(error));
    }

    /// <summary>Why the password is refused, or null when it may be used.</summary>
    public static IdentityError? Check(string password, string? email, string siteName)
    {
        var folded = Compact(password);
        if (IsRepetitive(folded))
            return new IdentityError
            {
                Code = "PasswordRepetitive",
                Description = "Mật khẩu không được chỉ gồm ký tự lặp lại hoặc dãy liên tiếp (như aaaa, abcd, 1234). Hãy chọn một câu dài, dễ nhớ.",
            };
        if (Candidates(folded).Any(Known.Value.Contains))
            return new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Mật khẩu này nằm trong danh sách mật khẩu phổ biến mà kẻ gian thử đầu tiên. Hãy chọn một câu dài, dễ nhớ mà người khác khó đoán.",
            };
        var letters = LettersAndDigits(folded);
        if (EmailWords(email).Any(letters.Contains))
            return new IdentityError { Code = "PasswordContainsEmail", Description = "Mật khẩu không được chứa tên trong địa chỉ thư điện tử của tài khoản." };
        if (SiteWords(siteName).Any(letters.Contains))
            return new IdentityError { Code = "PasswordContainsSiteName", Description = "Mật khẩu không được chứa tên của trang (như “cải cách hành chính”, “CCHC”)." };
        return null;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded list {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#'))
                known.Add(line);
        return known;
    }

    /// <summary>The forms the list is looked up in: as typed, without what is added at either end, and with l33t letters read back.</summary>
    private static IEnumerable<string> Candidates(string folded)
    {
        var core = folded.Trim(NotALetter(folded));
        string[] forms = [folded, core, Unleet(folded), Unleet(core), Unleet(folded).Trim(NotALetter(Unleet(folded)))];
        return forms.Where(f => f.Length > 0).Distinct();
    }

    /// <summary>The characters at either end that are not letters (digits, symbols), for trimming.</summary>
    private static char[] NotALetter(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static string Unleet(string text) => string.Concat(text.Select(c => c switch
    {
        '@' or '4' => 'a',
        '3' => 'e',
        '1' or '!' => 'i',
        '0' => 'o',
        '$' or '5' => 's',
        '7' => 't',
        _ => c,
    }));

    /// <summary>
    /// Few different characters ("aaaaaaaaaA1"), a run of five equal characters, or, once the digits and symbols
    /// at the ends are gone, a repeated short unit ("abcabcabc") or a straight sequence ("abcdefgh", "9876543210").
    /// </summary>
    private static bool IsRepetitive(string folded)
    {
        if (folded.Distinct().Count() < 5)
            return true;
        for (var i = 4; i < folded.Length; i++)
            if (folded[i] == folded[i - 1] && folded[i] == folded[i - 2] && folded[i] == folded[i - 3] && folded[i] == folded[i - 4])
                return true;
        var core = folded.Trim(NotALetter(folded));
        if (core.Length == 0)
            core = folded;
        for (var unit = 1; unit <= 4 && unit < core.Length; unit++)
            if (core.Length % unit == 0 && Enumerable.Range(unit, core.Length - unit).All(i => core[i] == core[i - unit]))
                return true;
        return core.Length >= 4 && (IsStep(core, 1) || IsStep(core, -1));
    }

    private static bool IsStep(string text, int step) => Enumerable.Range(1, text.Length - 1).All(i => text[i] - text[i - 1] == step);

    /// <summary>The e-mail's local part and its words of four letters or more ("nguyen.van.an" gives "nguyenvanan", "nguyen").</summary>
    private static IEnumerable<string> EmailWords(string? email)
    {
        var local = Fold(email ?? "").Split('@')[0];
        var whole = LettersAndDigits(local);
        var words = Words(local).Where(w => w.Length >= 4);
        return (whole.Length >= 3 ? words.Append(whole) : words).Distinct();
    }

    /// <summary>
    /// Every run of two or more consecutive words of the site's name ("caicach", "hanhchinh"), and the initials of
    /// runs of four or more ("cchc" for "cải cách hành chính").
    /// </summary>
    private static IEnumerable<string> SiteWords(string siteName)
    {
        var words = Words(Fold(siteName));
        for (var start = 0; start < words.Length; start++)
            for (var count = 2; start + count <= words.Length; count++)
            {
                var run = words[start..(start + count)];
                yield return string.Concat(run);
                if (count >= 4)
                    yield return string.Concat(run.Select(w => w[0]));
            }
    }

    private static string LettersAndDigits(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    private static string[] Words(string text) => WordSeparators().Split(text).Where(w => w.Length > 0).ToArray();

    /// <summary>Lower-case, without tones or spaces: how the list is written.</summary>
    private static string Compact(string text) => string.Concat(Fold(text).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Lower-case, without tones, đ as d.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex WordSeparators();
}
