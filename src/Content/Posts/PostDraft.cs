using System.Text.Json;

namespace CchcSite.Content.Posts;

/// <summary>A file from the unit's library attached to a document, under the title readers see.</summary>
public sealed record AttachmentDraft(int MediaAssetId, string Title);

/// <summary>Everything an editor types into a post, whatever its kind. Dates are UTC.</summary>
public sealed record PostDraft(
    string Title,
    string? Slug,
    string? Summary,
    string BodyMarkdown,
    int? CategoryId,
    Audience Audience,
    IReadOnlyList<string> Tags,
    DateTime? PublishAt,
    DateTime? UnpublishAt,
    DocumentInfo? Document,
    string? VideoUrl,
    int? VideoDurationSeconds,
    int? CoverImageId = null,
    IReadOnlyList<AttachmentDraft>? Attachments = null,
    int? PlanItemId = null)
{
    public static PostDraft Of(Post post) => new(
        post.Title, post.Slug, post.Summary, post.BodyMarkdown, post.CategoryId, post.Audience,
        post.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(), post.PublishAt, post.UnpublishAt,
        post.Document is null ? null : new DocumentInfo
        {
            Number = post.Document.Number, Type = post.Document.Type, IssuedOn = post.Document.IssuedOn, Issuer = post.Document.Issuer,
            Signer = post.Document.Signer, EffectiveOn = post.Document.EffectiveOn, ExpiresOn = post.Document.ExpiresOn, Abstract = post.Document.Abstract,
        },
        post.Video?.ExternalUrl, post.Video?.DurationSeconds, post.CoverImageId,
        post.Attachments.OrderBy(a => a.SortOrder).Select(a => new AttachmentDraft(a.MediaAssetId, a.Title)).ToList(),
        post.PlanItemId);

    /// <summary>Vietnamese messages for each invalid field, empty when the draft can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate(PostKind kind)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title))
            errors[nameof(Title)] = "Vui lòng nhập tiêu đề.";
        else if (Title.Length > 400)
            errors[nameof(Title)] = "Tiêu đề không quá 400 ký tự.";
        if (Summary is { Length: > 1000 })
            errors[nameof(Summary)] = "Tóm tắt không quá 1.000 ký tự.";
        if (Slug is { Length: > 0 } slug && Text.Slug.From(slug) != slug)
            errors[nameof(Slug)] = "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.";
        if (PublishAt is { } from && UnpublishAt is { } to && to <= from)
            errors[nameof(UnpublishAt)] = "Thời điểm gỡ phải sau thời điểm đăng.";
        if (kind == PostKind.Document && Document is { EffectiveOn: { } effective, ExpiresOn: { } expires } && expires < effective)
            errors["ExpiresOn"] = "Ngày hết hiệu lực phải sau ngày hiệu lực.";
        if (kind == PostKind.Video && VideoUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            errors[nameof(VideoUrl)] = "Địa chỉ video phải là một địa chỉ web đầy đủ (https://…).";
        return errors;
    }

    internal string FieldsJson() => JsonSerializer.Serialize(this with { Title = "", Summary = null, BodyMarkdown = "" });
}
