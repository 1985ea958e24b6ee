using System.Text.RegularExpressions;
using CchcSite.Content.Posts;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Videos;

/// <summary>The services whose videos a post may embed; each is allowed by name in <see cref="VideoOptions.EmbedProviders"/>.</summary>
public enum EmbedProvider
{
    YouTube,
    Facebook,
}

/// <summary>
/// A video hosted elsewhere, as a post stores and shows it: the address of its player (<see cref="EmbedUrl"/>, the one
/// form stored, never HTML from the service) and of its page (<see cref="WatchUrl"/>, the link for readers whose browser
/// does not load the player). <see cref="FrameOrigin"/> is the one origin the page's frame-src allows.
/// </summary>
public sealed record VideoEmbed(EmbedProvider Provider, string EmbedUrl, string WatchUrl)
{
    public string FrameOrigin => new Uri(EmbedUrl).GetLeftPart(UriPartial.Authority);

    [System.Text.Json.Serialization.JsonIgnore]
    public string ProviderName => VideoEmbeds.NameOf(Provider);
}

/// <summary>
/// Reads a link an editor pasted (a YouTube or Facebook video's page, share link or player address) into its
/// <see cref="VideoEmbed"/>. YouTube plays from youtube-nocookie.com, which sets no cookie until the video is played.
/// </summary>
public sealed partial class VideoEmbeds(IOptions<VideoOptions> options)
{
    private static readonly string[] YouTubeHosts = ["youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com", "youtube-nocookie.com"];
    private static readonly string[] FacebookHosts = ["facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"];

    public IReadOnlyList<EmbedProvider> Allowed => options.Value.EmbedProviders.Distinct().ToList();

    /// <summary>The embed of a stored address when its service is still allowed; null otherwise (the page then shows only a link).</summary>
    public VideoEmbed? For(string? url) => url is not null && Parse(url) is { } embed && Allowed.Contains(embed.Provider) ? embed : null;

    /// <summary>Why the link cannot be embedded, in Vietnamese; null when it can.</summary>
    public string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "Địa chỉ video phải là một địa chỉ web đầy đủ (https://…).";
        var allowed = Allowed.Count == 0 ? "Trang này chưa được phép nhúng video từ nơi khác."
            : $"Chỉ nhúng được video từ {string.Join(", ", Allowed.Select(NameOf))}.";
        if (ProviderOf(uri.Host) is not { } provider || !Allowed.Contains(provider))
            return $"Không nhúng được video từ {uri.Host}. {allowed}";
        return Parse(url) is null
            ? $"Không tìm thấy video trong địa chỉ này. Hãy mở video trên {NameOf(provider)} rồi sao chép địa chỉ của chính video đó."
            : null;
    }

    /// <summary>The embed a link names, whatever the configuration allows; null when it names no video of a known service.</summary>
    public static VideoEmbed? Parse(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return null;
        return ProviderOf(uri.Host) switch
        {
            EmbedProvider.YouTube => YouTubeId(uri) is { } id
                ? new VideoEmbed(EmbedProvider.YouTube, $"https://www.youtube-nocookie.com/embed/{id}", $"https://www.youtube.com/watch?v={id}")
                : null,
            EmbedProvider.Facebook => FacebookId(uri) is { } id ? Facebook(id) : null,
            _ => null,
        };
    }

    public static string NameOf(EmbedProvider provider) => provider switch
    {
        EmbedProvider.YouTube => "YouTube",
        EmbedProvider.Facebook => "Facebook",
        _ => provider.ToString(),
    };

    private static EmbedProvider? ProviderOf(string host) =>
        YouTubeHosts.Contains(host, StringComparer.OrdinalIgnoreCase) ? EmbedProvider.YouTube
        : FacebookHosts.Contains(host, StringComparer.OrdinalIgnoreCase) ? EmbedProvider.Facebook
        : null;

    /// <summary>youtu.be/ID, /watch?v=ID, /embed/ID, /shorts/ID, /live/ID.</summary>
    private static string? YouTubeId(Uri uri)
    {
        var path = uri.AbsolutePath.Trim('/').Split('/');
        var candidate = uri.Host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase) ? path[0]
            : path is ["watch"] ? Query(uri, "v")
            : path is ["embed" or "shorts" or "live", var id, ..] ? id
            : null;
        return candidate is not null && YouTubeIdPattern().IsMatch(candidate) ? candidate : null;
    }

    /// <summary>/{page}/videos/{…/}ID, /watch/?v=ID, /reel/ID, and the player's own /plugins/video.php?href=….</summary>
    private static string? FacebookId(Uri uri)
    {
        var path = uri.AbsolutePath.Trim('/').Split('/');
        var candidate = path switch
        {
            ["watch"] => Query(uri, "v"),
            ["reel", var id] => id,
            [_, "videos", .., var id] => id,
            ["plugins", "video.php"] => Query(uri, "href") is { } href && Uri.TryCreate(href, UriKind.Absolute, out var inner)
                && ProviderOf(inner.Host) == EmbedProvider.Facebook && !inner.AbsolutePath.Contains("plugins") ? FacebookId(inner) : null,
            _ => null,
        };
        return candidate is not null && FacebookIdPattern().IsMatch(candidate) ? candidate : null;
    }

    private static VideoEmbed Facebook(string id)
    {
        var watch = $"https://www.facebook.com/watch/?v={id}";
        return new VideoEmbed(EmbedProvider.Facebook, $"https://www.facebook.com/plugins/video.php?href={Uri.EscapeDataString(watch)}&show_text=false", watch);
    }

    private static string? Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0] == name).Select(pair => Uri.UnescapeDataString(pair[1].Replace('+', ' '))).FirstOrDefault();

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeIdPattern();

    [GeneratedRegex("^[0-9]{5,25}$")]
    private static partial Regex FacebookIdPattern();
}
