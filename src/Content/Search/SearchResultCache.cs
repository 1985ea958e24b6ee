using Microsoft.Extensions.Caching.Memory;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Search;

/// <summary>
/// Keeps what the index found for a search for a short time, so a popular query repeated costs no index search: keyed by
/// the parsed (cleaned, composed) query text, the filters, the page and the order, and by the state of the index and
/// thesaurus that answered. Any change the index applies, or a new thesaurus, makes a new key, so no result outlives the
/// change it misses; entries of an old state are never read again and go at their expiry or when the size limit needs
/// room. The key also holds the half-minute of the search, as the index's visibility follows the clock (a scheduled
/// post appears by its time): a result is never used past the half-minute it was found in. The cards are not kept here:
/// <see cref="PostCardCache"/> keeps them until a change, and applies the visibility rule at every read.
/// </summary>
public sealed class SearchResultCache(TimeProvider clock) : IIdleMemory, IDisposable
{
    /// <summary>Entries hold a page of hits with their snippets (a few KB); the limit bounds the memory any flood of queries takes.</summary>
    private const int MaxEntries = 2000;

    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>On the site's clock, so entries expire as its half-minutes pass (and a test's clock can pass them).</summary>
    private readonly MemoryCache _matches = new(new MemoryCacheOptions { SizeLimit = MaxEntries, Clock = new ClockOf(clock) });

    /// <summary>What a search's matches depend on. The thesaurus is compared by identity: the store makes a new one at each change.</summary>
    /// <remarks><paramref name="Units"/>: the units the filter's unit stood for when searched, as a list of ids.</remarks>
    public sealed record Key(long IndexChanges, Thesaurus Thesaurus, string Text, PostFilter Filter, SearchSort Sort, long HalfMinute, string? Units)
    {
        public static long HalfMinuteOf(DateTime utc) => utc.Ticks / Lifetime.Ticks;
    }

    public IndexMatches GetOrFind(Key key, Func<IndexMatches> find)
    {
        if (_matches.TryGetValue(key, out IndexMatches? cached))
            return cached!;
        var matches = find();
        _matches.Set(key, matches, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return matches;
    }

    /// <summary>
    /// Entries live half a minute and the cache looks for expired ones only when it is used, so after a burst of distinct
    /// queries (a crawler, a flood) up to <see cref="MaxEntries"/> dead pages of hits stay until the next search: a quiet
    /// site drops them. (Compacting by no percentage removes the expired entries only.)
    /// </summary>
    public void Release() => _matches.Compact(0);

    public void Dispose() => _matches.Dispose();

    /// <summary>How many results are kept, expired or not.</summary>
    internal int Count => _matches.Count;

    private sealed class ClockOf(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
