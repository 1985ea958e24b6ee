using System.Collections.Concurrent;
using CchcSite.Content.Data;

namespace CchcSite.Content.Posts;

/// <summary>A post's card with what decides whether the public may see it now, so the rule is applied at each read.</summary>
internal sealed record CachedCard(PostCard Card, PostStatus Status, DateTime? PublishAt, DateTime? UnpublishAt)
{
    public bool IsVisibleAt(DateTime utcNow) => PostVisibility.IsVisibleAt(Status, PublishAt, UnpublishAt, utcNow);
}

/// <summary>
/// The cards this node last read by post id (<see cref="PublishedPosts.CardsAsync"/>: every search page, plan and index
/// page reads ten or more): a card read from the database was most of the cost of an uncached search's data access — a
/// seven-join query whose rows repeat for each of the cover's variants (docs/perf.md). A card shows its post, unit,
/// field and cover, so a committed change to any post, or one that makes the whole site stale (units, fields, media),
/// starts a new generation, on this node or, through the change notices, on another; a card read while such a change
/// committed is not kept, since it may show what was there before. Visibility is not cached: it follows the clock, and
/// each read applies <see cref="PostVisibility"/>'s rule to the status and times kept with the card.
/// </summary>
public sealed class PostCardCache : IContentChangeListener
{
    /// <summary>Cards of a large site beyond this are read again: the bound keeps any flood of searches to a few MB.</summary>
    private const int MaxCards = 5000;

    private volatile Generation _current = new();

    /// <summary>The cards kept since the last change; read it before the database, and offer what was read under it.</summary>
    internal Generation Current => _current;

    /// <summary>Keeps cards read under <paramref name="readUnder"/>, unless a change has committed since.</summary>
    internal void Offer(Generation readUnder, IEnumerable<CachedCard> cards)
    {
        if (readUnder != _current)
            return;
        foreach (var card in cards)
        {
            if (readUnder.Cards.Count >= MaxCards)
                readUnder.Cards.Clear();
            readUnder.Cards[card.Card.Id] = card;
        }
    }

    public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
    {
        // Offers still under way go into the generation left behind, which nobody reads again.
        if (changes.PostIds.Count > 0 || changes.Tags.Contains(ContentTags.Site))
            _current = new Generation();
        return ValueTask.CompletedTask;
    }

    internal sealed class Generation
    {
        public ConcurrentDictionary<int, CachedCard> Cards { get; } = new();
    }
}
