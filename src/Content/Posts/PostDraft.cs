using System.Text;
using System.Text.Json;
using CchcSite.Content.Text;

namespace CchcSite.Content.Posts;

/// <summary>A file from the unit's library attached to a post, under the title readers see.</summary>
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
    VideoFields? Video,
    int? CoverImageId = null,
    IReadOnlyList<AttachmentDraft>? Attachments = null,
    int? PlanItemId = null)
{
    public static PostDraft Of(Post post) => new(
        post.Title, post.Slug, post.Summary, post.BodyMarkdown, post.CategoryId, post.Audience,
        post.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(), post.PublishAt, post.UnpublishAt,
        post.Document,
        // A video post without its video row reads as one with empty fields, as its canonical draft does.
        post.Kind == PostKind.Video ? post.Video?.Fields ?? new VideoFields() : null, post.CoverImageId,
        post.Attachments.OrderBy(a => a.SortOrder).Select(a => new AttachmentDraft(a.MediaAssetId, a.Title)).ToList(),
        post.PlanItemId);

    /// <summary>
    /// What the edit form starts from: the pending change when there is one (so the editor keeps writing it), with the
    /// live times, which only a workflow decision moves; otherwise the post itself.
    /// </summary>
    public static PostDraft Editable(Post post) => post.PendingChange is { } change
        ? RevisionComparison.ToDraft(change.Revision) with { PublishAt = post.PublishAt, UnpublishAt = post.UnpublishAt }
        : Of(post);

    // The columns' sizes (the post's EF configuration uses these), each checked by Validate (see TextLimit).
    public const int MaxTitle = 400;
    public const int MaxSummary = 1000;
    public const int MaxTag = 100;
    public const int MaxAttachmentTitle = 300;
    public const int MaxDocumentNumber = 60;
    public const int MaxDocumentParty = 200;
    public const int MaxDocumentAbstract = 1000;
    public const int MaxVideoUrl = 500;

    /// <summary>Vietnamese messages for each invalid field, empty when the draft can be saved.</summary>
    public IReadOnlyDictionary<string, string> Validate(PostKind kind)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title))
            errors[nameof(Title)] = "Vui lòng nhập tiêu đề.";
        else
            TextLimit.Check(errors, nameof(Title), Title, MaxTitle, "Tiêu đề");
        TextLimit.Check(errors, nameof(Summary), Summary, MaxSummary, "Tóm tắt");
        if (Tags.FirstOrDefault(t => t.Trim().Length > MaxTag) is { } tag)
            TextLimit.Check(errors, nameof(Tags), tag, MaxTag, "Mỗi từ khóa");
        if ((Attachments ?? []).FirstOrDefault(a => a.Title.Trim().Length > MaxAttachmentTitle) is { } attachment)
            TextLimit.Check(errors, nameof(Attachments), attachment.Title, MaxAttachmentTitle, "Tên hiện của mỗi tệp đính kèm");
        if (kind == PostKind.Document)
        {
            TextLimit.Check(errors, $"{nameof(Document)}.{nameof(DocumentInfo.Number)}", Document?.Number, MaxDocumentNumber, "Số ký hiệu");
            TextLimit.Check(errors, $"{nameof(Document)}.{nameof(DocumentInfo.Issuer)}", Document?.Issuer, MaxDocumentParty, "Cơ quan ban hành");
            TextLimit.Check(errors, $"{nameof(Document)}.{nameof(DocumentInfo.Signer)}", Document?.Signer, MaxDocumentParty, "Người ký");
            TextLimit.Check(errors, $"{nameof(Document)}.{nameof(DocumentInfo.Abstract)}", Document?.Abstract, MaxDocumentAbstract, "Trích yếu");
        }
        if (kind == PostKind.Video)
            TextLimit.Check(errors, $"{nameof(Video)}.{nameof(VideoFields.ExternalUrl)}", Video?.ExternalUrl, MaxVideoUrl, "Địa chỉ video");
        if (kind == PostKind.Video && Video is { FileId: not null } && !string.IsNullOrWhiteSpace(Video.ExternalUrl))
            errors[$"{nameof(Video)}.{nameof(VideoFields.FileId)}"] = "Chọn một video trong thư viện hoặc dán địa chỉ video ở nơi khác, không chọn cả hai.";
        if (Slug is { Length: > 0 } slug && Text.Slug.From(slug) != slug)
            errors[nameof(Slug)] = "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.";
        if (PublishAt is { } from && UnpublishAt is { } to && to <= from)
            errors[nameof(UnpublishAt)] = "Thời điểm gỡ phải sau thời điểm đăng.";
        // Keys are the names the edit form gives the nested fields, so that each message shows beside its field.
        if (kind == PostKind.Document && Document is { EffectiveOn: { } effective, ExpiresOn: { } expires } && expires < effective)
            errors[$"{nameof(Document)}.{nameof(DocumentInfo.ExpiresOn)}"] = "Ngày hết hiệu lực phải sau ngày hiệu lực.";
        return errors;
    }

    /// <summary>
    /// The draft as it is stored: text trimmed and in Unicode NFC with one kind of line end, tags once each and sorted,
    /// only the parts of the post's kind, and the address it asks for (from the title when left empty). Saving, proposing
    /// a change and telling whether a change differs from the live text all start from this one form.
    /// </summary>
    public PostDraft Canonical(PostKind kind)
    {
        var title = Title.Trim().Normalize(NormalizationForm.FormC);
        var slug = Text.Slug.From(string.IsNullOrWhiteSpace(Slug) ? title : Slug);
        return this with
        {
            Title = title,
            Slug = slug.Length == 0 ? "bai-viet" : slug,
            Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim().Normalize(NormalizationForm.FormC),
            BodyMarkdown = BodyMarkdown.ReplaceLineEndings("\n").Normalize(NormalizationForm.FormC),
            Tags = Tags.Select(t => t.Trim().Normalize(NormalizationForm.FormC)).Where(t => t.Length > 0)
                .DistinctBy(Text.Slug.From).Order(StringComparer.Ordinal).ToList(),
            Document = kind == PostKind.Document ? (Document ?? new DocumentInfo()).Canonical() : null,
            Attachments = (Attachments ?? []).DistinctBy(a => a.MediaAssetId)
                .Select(a => a with { Title = string.IsNullOrWhiteSpace(a.Title) ? "Tệp đính kèm" : a.Title.Trim() }).ToList(),
            Video = kind == PostKind.Video ? (Video ?? new VideoFields()).Canonical() : null,
        };
    }

    /// <summary>Whether two drafts hold the same text and fields, times included.</summary>
    public bool SameAs(PostDraft other) => JsonSerializer.Serialize(this) == JsonSerializer.Serialize(other);
}
