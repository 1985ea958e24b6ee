using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// Keeps the documents public at <c>now</c> (published at or before it, not yet unpublished), inside the date range,
/// of the chosen units and kind, and posts, questions or both (a question's kind is <see cref="QuestionSearchDocument.KindValue"/>) — checked from <see cref="SegmentValues"/> on matching documents only, as
/// random-access bits: a range over terms would enumerate every distinct timestamp on every search.
/// </summary>
internal sealed class VisibleFilter(long now, long? earliest, long latest, IReadOnlySet<int>? units, int? kind, bool acceptPosts, bool acceptQuestions) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var values = SegmentValues.Of(context.AtomicReader);
        return new Matching(context.AtomicReader.MaxDoc, acceptDocs, this, values);
    }

    private bool Matches(SegmentValues values, int doc)
    {
        var publishAt = values.PublishAt[doc];
        return publishAt <= latest && (earliest is not { } from || publishAt >= from)
            && values.UnpublishAt[doc] > now
            && values.Kind[doc] is var docKind && (docKind == QuestionSearchDocument.KindValue ? acceptQuestions : acceptPosts)
            && (kind is not { } k || docKind == k)
            && (units is null || units.Contains(values.Unit[doc]));
    }

    private sealed class Matching(int maxDoc, IBits acceptDocs, VisibleFilter filter, SegmentValues values) : FieldCacheDocIdSet(maxDoc, acceptDocs)
    {
        protected override bool MatchDoc(int doc) => filter.Matches(values, doc);
    }
}
