namespace CchcSite.Content.Search;

/// <summary>
/// An item whose search document must be rewritten (or removed) — a post or a published question, one of the two
/// ids set — written in the transaction that changed it.
/// </summary>
public class SearchOutboxEntry
{
    public long Id { get; set; }
    public int? PostId { get; set; }
    public int? QuestionId { get; set; }
    public DateTime EnqueuedAt { get; set; }
}
