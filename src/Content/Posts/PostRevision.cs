namespace CchcSite.Content.Posts;

/// <summary>A snapshot of a post's editable fields, stored with every save.</summary>
public class PostRevision
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? UserId { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    /// <summary>The other fields as JSON, so that a revision keeps whatever the post had, kind by kind.</summary>
    public required string FieldsJson { get; set; }
    /// <summary>
    /// The shape <see cref="FieldsJson"/> was written in (see <see cref="RevisionFormat"/>): new revisions are of the
    /// current one; rows written before revisions had a version are version 1.
    /// </summary>
    public int FieldsVersion { get; set; } = RevisionFormat.Current;
}
