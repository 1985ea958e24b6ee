using System.Security.Cryptography;
using System.Text;

namespace CchcSite.Content.Surveys;

/// <summary>
/// What the site keeps of a browser's random cookie token: its SHA-256 with the scope it answered (a survey, an answer of the
/// Q&amp;A column), lower-case hex. The scope is in the hash so that one browser's rows in two scopes cannot be linked by it.
/// </summary>
public static class BrowserTokens
{
    /// <summary>The length of a hash, for the columns that hold one.</summary>
    public const int HashLength = 64;

    public static string Hash(string scope, string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}:{token}")));
}
