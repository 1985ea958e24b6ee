using CchcSite.Content.Site;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Absolute addresses of the site, built from the configured <see cref="SiteOptions.PublicUrl"/> only: a request's
/// Host header is chosen by whoever sends it, so a link built from it could point a citizen to another site.
/// </summary>
public sealed class PublicUrls
{
    private PublicUrls(Uri baseAddress) => Base = baseAddress;

    /// <summary>The public origin, e.g. https://cchc.soctrang.gov.vn/ (always with the trailing slash).</summary>
    public Uri Base { get; }

    public bool IsHttps => Base.Scheme == Uri.UriSchemeHttps;

    /// <summary>The origin without the trailing slash, as OpenAPI's servers entry and mail text want it.</summary>
    public string Origin => Base.GetLeftPart(UriPartial.Authority);

    /// <summary>An absolute address for a site path such as "/tra-cuu?ma=…".</summary>
    public string Absolute(string pathAndQuery) => Origin + "/" + pathAndQuery.TrimStart('/');

    /// <summary>
    /// The host names requests may carry: the public one, plus the loopback names, so that a health check or an
    /// administrator on the server itself (and the test host, which sends "localhost") still reach the site.
    /// Loopback names are harmless here because no address is ever built from the Host header.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts => new[] { Base.IdnHost, "localhost", "127.0.0.1", "[::1]" }.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The checked Site:PublicUrl; the options validation below has refused a bad one before anything asks.</summary>
    public static PublicUrls From(SiteOptions options)
    {
        if (Problem(options.PublicUrl) is { } problem)
            throw new InvalidOperationException(problem);
        var uri = new Uri(options.PublicUrl!.Trim());
        return new PublicUrls(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    /// <summary>What is wrong with a Site:PublicUrl value, in words that say what to set; null when it is a bare http or https origin.</summary>
    internal static string? Problem(string? publicUrl)
    {
        var value = publicUrl?.Trim();
        if (string.IsNullOrEmpty(value))
            return $"{SiteOptions.Section}:{nameof(SiteOptions.PublicUrl)} is not set: give the address citizens use, e.g. Site__PublicUrl=https://cchc.example.gov.vn " +
                "(development uses http://localhost:5080 from appsettings.Development.json).";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            return $"{SiteOptions.Section}:{nameof(SiteOptions.PublicUrl)} must be an absolute http or https address with no path, query or user, " +
                $"e.g. https://cchc.example.gov.vn; it is '{value}'.";
        return null;
    }

}

/// <summary>Site:PublicUrl checked with the other settings, so a bad address stops the start like any bad setting.</summary>
internal sealed class PublicUrlValidation : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options) =>
        PublicUrls.Problem(options.PublicUrl) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
