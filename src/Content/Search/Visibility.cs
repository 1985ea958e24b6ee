using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// Keeps the documents public at <c>now</c> (published at or before it, not yet unpublished), inside the date range,
/// of the chosen units and kind, and posts, questions or both (a question's kind is <see cref="QuestionSearchDocument.KindValue"/>);
/// checked from <see cref="SegmentValues"/>: a range over terms would enumerate every distinct timestamp on every search.
/// </summary>
/// <remarks>
/// Documents of the other sources (questions, procedures) have negative kinds: <paramref name="otherKind"/> accepts one of
/// them, <paramref name="allOthers"/> all of them (a post search counts them without making them hits).
/// The part every search asks (live, public now, of the sources wanted) is a set per segment reader, kept until the
/// next publication or unpublication time in that segment (<see cref="Window"/>); the unit, kind and date choices, which
/// vary, are checked on the matching documents only.
/// </remarks>
internal sealed class Visibility(long now, long? earliest, long latest, IReadOnlySet<int>? units, int? kind, bool acceptPosts, int? otherKind,
    bool allOthers)
{
    private static readonly ConditionalWeakTable<AtomicReader, ConcurrentDictionary<(bool, int?, bool), Window>> ByReader = new();

    // Unit ids are small numbers: a flag per id is read faster, on every matching document, than a set is searched.
    private readonly bool[]? _unitFlags = units is null ? null : Flags(units);

    /// <summary>Whether the choices beyond "public now" (dates, units, kind) narrow the search.</summary>
    public bool HasChoices => earliest is not null || latest != now || units is not null || kind is not null;

    /// <summary>The reader's documents that are live, public now and of the sources wanted: shared, never change it.</summary>
    public FixedBitSet Public(AtomicReader reader, SegmentValues values)
    {
        var windows = ByReader.GetValue(reader, _ => new());
        var key = (acceptPosts, otherKind, allOthers);
        if (windows.TryGetValue(key, out var window) && window.Holds(now))
            return window.Documents;
        window = Window.At(now, reader, values, docKind => AcceptsKind(docKind));
        windows[key] = window;
        return window.Documents;
    }

    /// <summary>
    /// Narrows documents already known to be public now to the unit, kind and date choices: kind and units on the
    /// segment's sets (<see cref="ValueSets"/>), dates, or units when the segment has too many for sets, document by document.
    /// </summary>
    /// <param name="acceptedInto">The segment's documents accepted into the chosen section from outside its units, if any.</param>
    public void Narrow(FixedBitSet matches, SegmentValues values, FixedBitSet? acceptedInto)
    {
        var sets = values.Sets;
        var byDocument = earliest is not null || latest != now;
        if (kind is { } k)
            KeepOnly(matches, sets.Kinds.GetValueOrDefault(k));
        if (units is not null && sets.Units is { } unitSets)
        {
            var chosen = new FixedBitSet(matches.Length);
            foreach (var unit in units)
                if (unitSets.TryGetValue(unit, out var set))
                    chosen.Or(set);
            if (acceptedInto is not null)
                chosen.Or(acceptedInto);
            matches.And(chosen);
        }
        else
            byDocument |= units is not null;
        // The choices already applied on sets are checked again here, harmlessly.
        if (byDocument)
            foreach (var doc in MatchPlan.Docs(matches))
                if (!AcceptsChoices(values, doc, acceptedInto))
                    matches.Clear(doc);
    }

    /// <summary>Narrows <paramref name="matches"/> to <paramref name="set"/>; to nothing when there is no set.</summary>
    public static void KeepOnly(FixedBitSet matches, FixedBitSet? set)
    {
        if (set is null)
            matches.Clear(0, matches.Length);
        else
            matches.And(set);
    }

    /// <summary>The unit, kind and date choices, for a document already known to be public now.</summary>
    /// <param name="acceptedInto">The segment's documents accepted into the chosen section from outside its units, if any.</param>
    private bool AcceptsChoices(SegmentValues values, int doc, FixedBitSet? acceptedInto)
    {
        var publishAt = values.PublishAt[doc];
        return publishAt <= latest && (earliest is not { } from || publishAt >= from)
            && (kind is not { } k || values.Kind[doc] == k)
            && (_unitFlags is null || values.Unit[doc] is var unit && (uint)unit < (uint)_unitFlags.Length && _unitFlags[unit]
                || acceptedInto?.Get(doc) == true);
    }

    private bool AcceptsKind(int docKind) => docKind >= 0 ? acceptPosts : allOthers || docKind == otherKind;

    private static bool[] Flags(IReadOnlySet<int> units)
    {
        var flags = new bool[units.Count == 0 ? 0 : Math.Max(0, units.Max()) + 1];
        foreach (var unit in units.Where(u => u >= 0))
            flags[unit] = true;
        return flags;
    }

    /// <summary>
    /// The documents public at every moment from the segment's last publication or unpublication time at or before
    /// <c>now</c> to its next one: the same set answers every search in between.
    /// </summary>
    private sealed record Window(FixedBitSet Documents, long From, long Until)
    {
        public bool Holds(long now) => From <= now && now < Until;

        public static Window At(long now, AtomicReader reader, SegmentValues values, Func<int, bool> acceptsKind)
        {
            var documents = new FixedBitSet(reader.MaxDoc);
            var live = reader.LiveDocs;
            var (from, until) = (long.MinValue, long.MaxValue);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                var (publishAt, unpublishAt) = (values.PublishAt[doc], values.UnpublishAt[doc]);
                if (publishAt <= now)
                    from = Math.Max(from, publishAt);
                else
                    until = Math.Min(until, publishAt);
                if (unpublishAt <= now)
                    from = Math.Max(from, unpublishAt);
                else
                    until = Math.Min(until, unpublishAt);
                if (publishAt <= now && unpublishAt > now && live?.Get(doc) != false && acceptsKind(values.Kind[doc]))
                    documents.Set(doc);
            }
            return new Window(documents, from, until);
        }
    }
}
