namespace CchcSite.Content.Posts;

/// <summary>
/// A change to a post that readers already saw (published, scheduled, or taken down after that), waiting for review.
/// The live columns of <see cref="Post"/> stay exactly as approved until an approver accepts the change.
/// <para>
/// Why its own row pointing at a revision, rather than the text copied here or state on the revision: every save
/// already writes a complete <see cref="PostRevision"/> (title, body and the other fields as JSON), so the proposed
/// text lives in one place and the history shows every save of the change; revisions stay plain history, and the
/// review state, who proposed the change and the reviewer's comment, which the two-person rule reads, sit here.
/// There is at most one per post: the post's id is the key.
/// </para>
/// </summary>
public class PendingChange
{
    public int PostId { get; set; }
    /// <summary>The revision holding the proposed text: the latest save of the change.</summary>
    public int RevisionId { get; set; }
    public PostRevision Revision { get; set; } = null!;
    /// <summary><see cref="PostStatus.Draft"/> while being written, <see cref="PostStatus.InReview"/> once submitted.</summary>
    public PostStatus Status { get; set; }
    /// <summary>Who started the change and who saved it last: neither may approve it alone (two-person review).</summary>
    public string? StartedById { get; set; }
    public string? LastEditorId { get; set; }
    /// <summary>The approver's comment when sending the change back.</summary>
    public string? ReviewNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
