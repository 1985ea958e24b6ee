using CchcSite.Content.Posts;

namespace CchcSite.Web.Editor;

/// <summary>The post form as the browser sends it; times are typed in Vietnam time and bound as UTC instants (VietnameseDateBinder).</summary>
public sealed class PostForm
{
    public PostKind Kind { get; set; }
    public string? Unit { get; set; }
    public Guid Version { get; set; }
    public string Title { get; set; } = "";
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public int? CategoryId { get; set; }
    public Audience Audience { get; set; }
    public string? Tags { get; set; }
    public DateTime? PublishAt { get; set; }
    public DateTime? UnpublishAt { get; set; }
    /// <summary>A document's fields, sent as <c>Document.Number</c>, <c>Document.IssuedOn</c>…; used for documents only.</summary>
    public DocumentInfo Document { get; set; } = new();
    /// <summary>A video's fields, sent as <c>Video.FileId</c>, <c>Video.ExternalUrl</c>…; used for videos only.</summary>
    public VideoFields Video { get; set; } = new();
    public int? CoverImageId { get; set; }
    /// <summary>The library files ticked as attachments, and the title typed for each.</summary>
    public List<int> AttachmentIds { get; set; } = [];
    public Dictionary<int, string> AttachmentTitles { get; set; } = [];
    public int? PlanItemId { get; set; }

    public PostDraft ToDraft() => new(
        Title ?? "", Slug, Summary, BodyMarkdown ?? "", CategoryId, Audience,
        (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        PublishAt, UnpublishAt,
        // The draft keeps only the part of the post's kind (PostDraft.Canonical).
        Document, Video, CoverImageId,
        AttachmentIds.Select(id => new AttachmentDraft(id, AttachmentTitles.GetValueOrDefault(id) ?? "")).ToList(),
        PlanItemId);

    public static PostForm From(Post post)
    {
        var draft = PostDraft.Editable(post);
        return new PostForm
        {
            Kind = post.Kind, Unit = post.Unit.Slug, Version = post.Version, Title = draft.Title, Slug = draft.Slug, Summary = draft.Summary,
            BodyMarkdown = draft.BodyMarkdown, CategoryId = draft.CategoryId, Audience = draft.Audience, Tags = string.Join(", ", draft.Tags),
            PublishAt = draft.PublishAt, UnpublishAt = draft.UnpublishAt,
            Document = draft.Document ?? new DocumentInfo(), Video = draft.Video ?? new VideoFields(), CoverImageId = draft.CoverImageId,
            AttachmentIds = (draft.Attachments ?? []).Select(a => a.MediaAssetId).ToList(),
            AttachmentTitles = (draft.Attachments ?? []).ToDictionary(a => a.MediaAssetId, a => a.Title),
            PlanItemId = draft.PlanItemId,
        };
    }
}
