using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CchcSite.Themes.Default.Print;

/// <summary>
/// The styles of the print views, inline so that a copy the browser saves from one (a page, or a PDF) is
/// self-contained. The site's content security policy allows no inline style; the responses that carry this one
/// style element get a policy that allows it by the hash of its exact text, computed here when the site starts, so that
/// editing print.css can never leave a stale hash behind.
/// </summary>
public static class PrintStylesheet
{
    public static string Css { get; } = Load();

    /// <summary>The CSP source that allows exactly <see cref="Css"/> in a style element: <c>'sha256-…'</c>.</summary>
    public static string CspSource { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'";

    /// <summary>Widens the policy the site has set on this response by <see cref="CspSource"/> for styles, and no more.</summary>
    public static void AllowIn(HttpResponse response)
    {
        var policy = response.Headers.ContentSecurityPolicy.ToString();
        if (policy.Length == 0)
            return;
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var style = directives.FindIndex(d => IsDirective(d, "style-src"));
        if (style >= 0)
            directives[style] += " " + CspSource;
        else if (directives.FirstOrDefault(d => IsDirective(d, "default-src")) is { } fallback)
            // Without style-src, styles follow default-src: keep its sources and add the hash.
            directives.Add("style-src" + fallback["default-src".Length..] + " " + CspSource);
        else
            return;
        response.Headers.ContentSecurityPolicy = string.Join("; ", directives);
    }

    private static bool IsDirective(string directive, string name) =>
        directive.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (directive.Length == name.Length || directive[name.Length] == ' ');

    private static string Load()
    {
        using var stream = typeof(PrintStylesheet).Assembly.GetManifestResourceStream("CchcSite.Themes.Default.Print.print.css")
            ?? throw new InvalidOperationException("The theme is built without its print.css resource.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
