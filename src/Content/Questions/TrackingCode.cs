using System.Security.Cryptography;

namespace CchcSite.Content.Questions;

/// <summary>
/// The citizen's key to a submission: 10 characters from 31 that cannot be mistaken for one another when read
/// aloud over the hotline or copied from a phone (no 0/O, 1/I/L), about 50 bits from a cryptographic source.
/// </summary>
public static class TrackingCode
{
    public const int Length = 10;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>What a citizen typed, as stored: upper case, without spaces or dashes; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
            return null;
        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
