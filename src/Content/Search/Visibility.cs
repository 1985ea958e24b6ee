using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// Keeps the documents public at <c>now</c> (published at or before it, not yet unpublished), inside the date range,
/// of the chosen units and kind, and posts, questions or both (a question's kind is <see cref="QuestionSearchDocument.KindValue"/>);
/// checked from <see cref="SegmentValues"/> on matching documents only: a range over terms would enumerate every
/// distinct timestamp on every search.
/// </summary>
/// <remarks>
/// Documents of the other sources (questions, procedures) have negative kinds: <paramref name="otherKind"/> accepts one of
/// them, <paramref name="allOthers"/> all of them (a post search counts them without making them hits).
/// </remarks>
internal sealed class Visibility(long now, long? earliest, long latest, IReadOnlySet<int>? units, int? kind, bool acceptPosts, int? otherKind,
    bool allOthers)
{
    /// <param name="acceptedInto">The segment's documents accepted into the chosen section from outside its units, if any.</param>
    public bool Accepts(SegmentValues values, int doc, FixedBitSet? acceptedInto)
    {
        var publishAt = values.PublishAt[doc];
        return publishAt <= latest && (earliest is not { } from || publishAt >= from)
            && values.UnpublishAt[doc] > now
            && values.Kind[doc] is var docKind && (docKind >= 0 ? acceptPosts : allOthers || docKind == otherKind)
            && (kind is not { } k || docKind == k)
            && (units is null || units.Contains(values.Unit[doc]) || acceptedInto?.Get(doc) == true);
    }
}
