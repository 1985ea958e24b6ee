namespace CchcSite.Content.Contests;

/// <summary>
/// Who a participant is, for "one attempt per person per round": the same phone written as <c>+84 912 345 678</c>,
/// <c>0912.345.678</c> or <c>84912345678</c> is one number, and an e-mail is one address whatever its case.
/// </summary>
public static class ContactIdentity
{
    /// <summary>The national form, 0 and nine or ten digits; null when it is not a Vietnamese phone number.</summary>
    public static string? NormalisePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var trimmed = phone.Trim();
        if (trimmed.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '+' or '(' or ')')) || trimmed.IndexOf('+') > 0)
            return null;
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (digits.StartsWith("84") && digits.Length is 11 or 12)
            digits = "0" + digits[2..];
        return digits.StartsWith('0') && digits.Length is 10 or 11 && digits[1] != '0' ? digits : null;
    }

    public static string? NormaliseEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>The keys an attempt takes in its round: its phone and its e-mail, each on its own.</summary>
    public static IReadOnlyList<string> KeysOf(string? normalisedPhone, string? normalisedEmail) =>
        [.. new[] { normalisedPhone is null ? null : "p:" + normalisedPhone, normalisedEmail is null ? null : "e:" + normalisedEmail }.OfType<string>()];

    /// <summary>A normalised phone as results show it: the first two and last three digits, <c>09xx xxx 678</c>.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length < 6 ? new string('x', phone.Length) : $"{phone[..2]}{new string('x', phone.Length - 8)} xxx {phone[^3..]}";

    /// <summary>An e-mail as results show it: the first letter and the domain, <c>n***@example.vn</c>.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    /// <summary>The contact results show beside a name: the phone when there is one, else the e-mail, always masked.</summary>
    public static string MaskedContact(string? phone, string? email) =>
        phone is not null ? MaskPhone(phone) : email is not null ? MaskEmail(email) : "";
}
