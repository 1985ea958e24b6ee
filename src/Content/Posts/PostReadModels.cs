using System.Text.Json.Serialization;
using CchcSite.Content.Units;

namespace CchcSite.Content.Posts;

/// <summary>
/// An image as pages show it: <see cref="Url"/> is the full-size image in its fallback format; <see cref="Sources"/> are
/// the re-encoded variants (each size in the fallback format and in WebP) for <c>srcset</c>. Sources may be empty
/// (a file stored before variants existed); then only <see cref="Url"/> is used.
/// </summary>
public sealed record ImageRef(string Url, string Alt, int? Width = null, int? Height = null, IReadOnlyList<ImageSource>? Sources = null)
{
    public const string WebP = "image/webp";

    /// <summary>"url 320w, url 640w, …" for one format, smallest first, one entry per width; null when there is no such variant.</summary>
    public string? SrcSet(string contentType)
    {
        var entries = (Sources ?? []).Where(s => s.ContentType == contentType).OrderBy(s => s.Width)
            .DistinctBy(s => s.Width).Select(s => $"{s.Url} {s.Width}w").ToList();
        return entries.Count == 0 ? null : string.Join(", ", entries);
    }

    /// <summary>The format of <see cref="Url"/> and of the variants that are not WebP.</summary>
    [JsonIgnore]
    public string? FallbackType => Sources?.FirstOrDefault(s => s.ContentType != WebP)?.ContentType;

    /// <summary>The smallest variant at least <paramref name="width"/> pixels wide in the fallback format, else <see cref="Url"/>.</summary>
    public string UrlFor(int width) =>
        Sources?.Where(s => s.ContentType != WebP && s.Width >= width).OrderBy(s => s.Width).FirstOrDefault()?.Url ?? Url;
}

/// <summary>One variant of an image: its address, format and pixel width.</summary>
public sealed record ImageSource(string Url, string ContentType, int Width, int Height);

public sealed record CategoryRef(string Slug, string Name);

/// <summary>A post as lists show it.</summary>
public sealed record PostCard(
    int Id,
    PostKind Kind,
    string Slug,
    string Title,
    string? Summary,
    DateTime PublishedAt,
    UnitRef Unit,
    CategoryRef? Category,
    ImageRef? Cover,
    string? DocumentNumber,
    DocumentType? DocumentType,
    DateOnly? IssuedOn,
    string? FormerUnitName = null,
    Audience Audience = Audience.All,
    VideoCard? Video = null)
{
    /// <summary>The unit that issued the post, named as it was then: a merged unit's posts keep its name.</summary>
    public string IssuingUnitName => FormerUnitName ?? Unit.Name;

    /// <summary>The short form lists use; a merged unit's full name, since its short name may be taken by the new unit.</summary>
    public string IssuingUnitShortName => FormerUnitName ?? Unit.ShortName;

    public string Url => PostKindSegments.PostUrl(Unit.Slug, Kind, Slug);

    /// <summary>Listed in another unit's section than its own (an ancestor's): the theme names its unit as the source.</summary>
    public bool FromSubUnit { get; init; }

    /// <summary>Marked "Tin nổi bật" by those who may publish: the newest such post leads the home page and its unit's section.</summary>
    public bool Featured { get; init; }
}

/// <summary>A tag as pages link it: <c>/the/{Slug}</c>.</summary>
public sealed record TagRef(string Slug, string Name)
{
    public string Url => $"/the/{Slug}";
}

/// <summary>
/// What a card shows of a video: its poster and length, the editor's or else those its transcoding found
/// (<see cref="Videos.VideoPlayback.CompleteCardsAsync"/>).
/// </summary>
public sealed record VideoCard(string? PosterUrl, int? DurationSeconds, [property: JsonIgnore] int? FileId)
{
    /// <summary>"m:ss", or "h:mm:ss" from an hour; null when the length is not known.</summary>
    [JsonIgnore]
    public string? Duration => DurationSeconds is { } s
        ? s >= 3600 ? $"{s / 3600}:{s / 60 % 60:00}:{s % 60:00}" : $"{s / 60}:{s % 60:00}"
        : null;
}

public sealed record FileRef(string Title, string Url, string FileName, string ContentType, long Length);

public sealed record RelatedDocument(string Label, string Title, string? Number, string Url);

/// <summary>A document's fields as its page shows them, with the documents it is linked to.</summary>
public sealed record DocumentView : DocumentInfo
{
    public DocumentView(DocumentInfo fields, IReadOnlyList<RelatedDocument> related) : base(fields) => Related = related;

    /// <summary>Last, as the API has always listed it.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<RelatedDocument> Related { get; }
}

/// <summary>
/// A post's video. <see cref="FileUrl"/> is the file as uploaded; <see cref="Sources"/> what the player plays, largest
/// first (the transcoded renditions once made, see <see cref="Videos.VideoPlayback"/>).
/// </summary>
public sealed record VideoView(string? FileUrl, string? FileContentType, string? ExternalUrl, string? PosterUrl, int? DurationSeconds)
{
    public IReadOnlyList<VideoSource> Sources { get; init; } = [];

    /// <summary>One track per language, Vietnamese (played by default) first.</summary>
    public IReadOnlyList<CaptionTrack> Captions { get; init; } = [];

    /// <summary>The player of <see cref="ExternalUrl"/> when its service is allowed; null for a file or a service no longer allowed.</summary>
    public Videos.VideoEmbed? Embed { get; init; }
}

/// <summary>A video's captions in one language: its BCP 47 code (the track's srclang), its name in the player's menu, the WebVTT file.</summary>
public sealed record CaptionTrack(string Language, string Label, string Url);

/// <summary>One file the player may choose; its size is known once transcoded.</summary>
public sealed record VideoSource(string Url, string ContentType, int? Width, int? Height);

/// <summary>A post as its own page shows it. <see cref="BodyHtml"/> is already sanitised.</summary>
public sealed record PostDetail(
    PostCard Card,
    string BodyHtml,
    Audience Audience,
    IReadOnlyList<TagRef> Tags,
    DateTime UpdatedAt,
    DocumentView? Document,
    VideoView? Video,
    IReadOnlyList<FileRef> Attachments);
