using CchcSite.Content.Data;
using CchcSite.Web.Hosting;

namespace CchcSite.Web.Search;

/// <summary>
/// Wakes the <see cref="SearchIndexWorker"/> when a commit has enqueued search outbox rows, here or on another node (its
/// notice), so that the index follows a change at once rather than at the next poll. Holds nothing but the signal: it is built with the first database
/// context, also in the command-line tools, which must not open the index.
/// </summary>
public sealed class IndexWakeup : Wakeup, IContentChangeListener
{
    public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
    {
        if (changes.TouchesSearch)
            Wake();
        return ValueTask.CompletedTask;
    }
}
