using System.Text.RegularExpressions;

namespace CchcSite.Content.Text;

/// <summary>
/// The one check of an e-mail address a person types. An address that passes goes into mail headers and onto
/// officers' pages, so only the plain form is accepted: the characters a browser's <c>type="email"</c> field allows
/// (no quoted local part, no space, no control character, no comment), dots only between characters, and a domain
/// name with at least two labels ending in a real top-level name (<c>a@b</c> reaches nobody).
/// </summary>
public static partial class EmailAddressRule
{
    /// <summary>RFC 5321: the longest address a mail server has to accept.</summary>
    public const int MaxLength = 254;

    public const string Message = "Thư điện tử không đúng dạng, ví dụ: ten@example.com (không có dấu cách, dấu ngoặc kép hay chữ có dấu).";

    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= MaxLength } && Shape().IsMatch(address) && address.IndexOf('@') <= 64;

    // \A and \z, not ^ and $: "$" would accept a final line break, the first step of a header injection.
    [GeneratedRegex(@"\A[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
