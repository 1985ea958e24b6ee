namespace CchcSite.Content.Search;

/// <summary>
/// The one row that keeps the search indexes of every node in step with each other. Each node keeps its own index and its
/// own outbox cursor; what they share is here.
/// </summary>
public class SearchState
{
    public const int RowId = 1;

    public int Id { get; set; } = RowId;

    /// <summary>Raised by a full rebuild started on any node; a node whose index was built under a lower one rebuilds too.</summary>
    public int Generation { get; set; }

    /// <summary>
    /// The last outbox row deleted by the clean-up: a node whose cursor is behind it has missed changes it can no longer
    /// read, and rebuilds.
    /// </summary>
    public long PrunedThroughOutboxId { get; set; }
}
