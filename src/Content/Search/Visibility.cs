namespace CchcSite.Content.Search;

/// <summary>
/// Keeps the documents public at <c>now</c> (published at or before it, not yet unpublished), inside the date range,
/// of the chosen units and kind, and posts, questions or both (a question's kind is <see cref="QuestionSearchDocument.KindValue"/>);
/// checked from <see cref="SegmentValues"/> on matching documents only: a range over terms would enumerate every
/// distinct timestamp on every search.
/// </summary>
internal sealed class Visibility(long now, long? earliest, long latest, IReadOnlySet<int>? units, int? kind, bool acceptPosts, bool acceptQuestions)
{
    public bool Accepts(SegmentValues values, int doc)
    {
        var publishAt = values.PublishAt[doc];
        return publishAt <= latest && (earliest is not { } from || publishAt >= from)
            && values.UnpublishAt[doc] > now
            && values.Kind[doc] is var docKind && (docKind == QuestionSearchDocument.KindValue ? acceptQuestions : acceptPosts)
            && (kind is not { } k || docKind == k)
            && (units is null || units.Contains(values.Unit[doc]));
    }
}
