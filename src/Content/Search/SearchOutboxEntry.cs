namespace CchcSite.Content.Search;

/// <summary>
/// An item whose search document must be rewritten (or removed) — a post, a published question, or an item of another
/// <see cref="ISearchSource"/> (<see cref="Source"/> and <see cref="ItemId"/>) — written in the transaction that changed it.
/// </summary>
public class SearchOutboxEntry
{
    public long Id { get; set; }
    public int? PostId { get; set; }
    public int? QuestionId { get; set; }
    /// <summary>The <see cref="ISearchSource.Name"/> of the item's source, for items that are neither posts nor questions.</summary>
    public string? Source { get; set; }
    public int? ItemId { get; set; }
    public DateTime EnqueuedAt { get; set; }
}
