using CchcSite.Content.Units;

namespace CchcSite.Content.Posts;

public sealed record ImageRef(string Url, string Alt);

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
    DateOnly? IssuedOn)
{
    public string Url => PostKindSegments.PostUrl(Unit.Slug, Kind, Slug);
}

public sealed record FileRef(string Title, string Url, string FileName, string ContentType, long Length);

public sealed record RelatedDocument(string Label, string Title, string? Number, string Url);

public sealed record DocumentView(
    string? Number,
    DocumentType Type,
    DateOnly? IssuedOn,
    string? Issuer,
    string? Signer,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    string? Abstract,
    IReadOnlyList<RelatedDocument> Related);

public sealed record VideoView(string? FileUrl, string? FileContentType, string? ExternalUrl, string? PosterUrl, string? CaptionsUrl, int? DurationSeconds);

/// <summary>A post as its own page shows it. <see cref="BodyHtml"/> is already sanitised.</summary>
public sealed record PostDetail(
    PostCard Card,
    string BodyHtml,
    Audience Audience,
    IReadOnlyList<string> Tags,
    DateTime UpdatedAt,
    DocumentView? Document,
    VideoView? Video,
    IReadOnlyList<FileRef> Attachments);
