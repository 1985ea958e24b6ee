using CchcSite.Content.Categories;
using CchcSite.Content.Media;
using CchcSite.Content.Units;

namespace CchcSite.Content.Posts;

/// <summary>The publishable item. One table for every kind; kind-specific data lives in owned parts.</summary>
public class Post
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    /// <summary>
    /// The name of the unit that issued the post, kept when the post moved to another unit in a merger; null while
    /// the post is still with its issuer, whose current name is then the right one to show.
    /// </summary>
    public string? IssuingUnitName { get; set; }
    public PostKind Kind { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    /// <summary>
    /// <see cref="BodyMarkdown"/> rendered and sanitised when it was saved (<see cref="StoredPostBodies"/>), so a page
    /// read renders nothing; valid only while <see cref="BodyHtmlVersion"/> is the renderer's current version.
    /// </summary>
    public string? BodyHtml { get; set; }
    /// <summary>The <see cref="Rendering.MarkdownRenderer.Version"/> that made <see cref="BodyHtml"/>; 0 when it was never made.</summary>
    public int BodyHtmlVersion { get; set; }
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }
    public Audience Audience { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public int? CoverImageId { get; set; }
    public MediaAsset? CoverImage { get; set; }
    public PostStatus Status { get; set; }
    /// <summary>UTC. The post is public from this moment when its status is Published.</summary>
    public DateTime? PublishAt { get; set; }
    /// <summary>UTC. The post stops being public at this moment.</summary>
    public DateTime? UnpublishAt { get; set; }
    /// <summary>Who wrote it, who saved it last and who published it: the two-person rule reads these.</summary>
    public string? AuthorId { get; set; }
    public string? LastEditorId { get; set; }
    public string? ApproverId { get; set; }
    /// <summary>The approver's comment when sending back, or the reason for unpublishing.</summary>
    public string? ReviewNote { get; set; }
    /// <summary>Set when the post is taken down; with <see cref="ReviewNote"/> as the explanation.</summary>
    public RetirementReason? Retirement { get; set; }
    public int? ReplacedByPostId { get; set; }
    /// <summary>The row of a communication plan this post carries out.</summary>
    public int? PlanItemId { get; set; }
    /// <summary>
    /// "Tin nổi bật": the newest such post leads the home page and its unit's section. A decision of those who may publish
    /// (like the publication times), set on the post itself, never through a revision or a pending change.
    /// </summary>
    public bool Featured { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Optimistic concurrency token, renewed on every save (portable across SQLite and PostgreSQL).</summary>
    public Guid Version { get; set; }
    public DocumentInfo? Document { get; set; }
    public VideoInfo? Video { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    public List<DocumentRelation> Relations { get; set; } = [];
    public List<PostRevision> Revisions { get; set; } = [];
    /// <summary>A reviewed change to the live text, when an editor has edited the post since it was approved.</summary>
    public PendingChange? PendingChange { get; set; }
}

/// <summary>
/// Metadata of a directive document (văn bản chỉ đạo, điều hành). The one copy of these fields: the seed file, the edit
/// form, the draft and its revisions, the post and the public page (<see cref="DocumentView"/>) all hold this record, so a
/// new field is declared here, mapped in the post's EF configuration, and shown in the edit form and the theme.
/// Immutable, so that a draft may share the post's instance.
/// </summary>
public record DocumentInfo
{
    /// <summary>Số ký hiệu, e.g. "21/KH-UBND".</summary>
    public string? Number { get; init; }
    public DocumentType Type { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? Issuer { get; init; }
    public string? Signer { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>Trích yếu.</summary>
    public string? Abstract { get; init; }

    /// <summary>
    /// The fields alone, as a post stores them: text trimmed, blank text left out. What a seed entry or a page's view
    /// holds beyond them is dropped, since the copy constructor copies exactly the fields declared here.
    /// </summary>
    public DocumentInfo Canonical() => new(this)
    {
        Number = Clean(Number), Issuer = Clean(Issuer), Signer = Clean(Signer), Abstract = Clean(Abstract),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// The parts of a video an editor chooses: a video of the unit's library (its poster, captions and renditions come with
/// it) or the address of one published elsewhere, and its length. The edit form, the draft, its revisions and the seed
/// file hold this record; <see cref="VideoInfo"/> takes it in one step.
/// </summary>
public record VideoFields
{
    /// <summary>A video uploaded to the unit's library.</summary>
    public int? FileId { get; init; }

    /// <summary>
    /// The address of a video published elsewhere, stored as its player's address (<see cref="Videos.VideoEmbed.EmbedUrl"/>)
    /// whatever form of link the editor pasted; which services are allowed is checked when it is saved (PostEditing).
    /// </summary>
    public string? ExternalUrl { get; init; }
    public int? DurationSeconds { get; init; }

    /// <summary>
    /// The fields alone (see <see cref="DocumentInfo.Canonical"/>), the address left out when blank and otherwise its
    /// player's address when it names a video of a known service (trimmed as typed when not, for validation to refuse).
    /// </summary>
    public VideoFields Canonical() => new(this)
    {
        ExternalUrl = string.IsNullOrWhiteSpace(ExternalUrl) ? null : Videos.VideoEmbeds.Parse(ExternalUrl)?.EmbedUrl ?? ExternalUrl.Trim(),
    };
}

public class VideoInfo
{
    public int? FileId { get; set; }
    public MediaAsset? File { get; set; }
    public string? ExternalUrl { get; set; }
    public int? PosterId { get; set; }
    public MediaAsset? Poster { get; set; }
    public int? CaptionsId { get; set; }
    public MediaAsset? Captions { get; set; }
    public int? DurationSeconds { get; set; }

    /// <summary>What an editor may change of this video.</summary>
    public VideoFields Fields => new() { FileId = FileId, ExternalUrl = ExternalUrl, DurationSeconds = DurationSeconds };

    /// <summary>
    /// Takes what an editor chose. Another file drops the poster and captions given with the previous one (the new file's
    /// own, from its transcoding and the library, are shown instead).
    /// </summary>
    public void Take(VideoFields fields)
    {
        if (fields.FileId != FileId)
        {
            (Poster, PosterId, Captions, CaptionsId) = (null, null, null, null);
            File = null;
        }
        FileId = fields.FileId;
        ExternalUrl = fields.ExternalUrl;
        DurationSeconds = fields.DurationSeconds;
    }
}

public class Attachment
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public int MediaAssetId { get; set; }
    public MediaAsset MediaAsset { get; set; } = null!;
    public required string Title { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A directed link between two documents: <see cref="FromPostId"/> implements, replaces or amends <see cref="ToPostId"/>.</summary>
public class DocumentRelation
{
    public int Id { get; set; }
    public int FromPostId { get; set; }
    public int ToPostId { get; set; }
    public Post To { get; set; } = null!;
    public DocumentRelationKind Kind { get; set; }
}

public class Tag
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Post> Posts { get; set; } = [];
}
