namespace CchcSite.Content.Search;

/// <summary>A post whose search document must be rewritten (or removed); written in the transaction that changed it.</summary>
public class SearchOutboxEntry
{
    public long Id { get; set; }
    public int PostId { get; set; }
    public DateTime EnqueuedAt { get; set; }
}
