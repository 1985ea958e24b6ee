namespace CchcSite.Content.Search;

/// <summary>The names of the index fields, in one place for the writer and the query builder.</summary>
public static class SearchFields
{
    /// <summary>
    /// The catch-all field every word is matched in: title, summary, body, tags, document number, issuer and
    /// attachment text, folded, with positions and frequencies; each value a gap apart so phrases never span two of them.
    /// </summary>
    public const string All = "all";
    /// <summary>The words of the catch-all text as written, where that differs from the folded form ("hạ", not "ha"): documents only.</summary>
    public const string Exact = "exact";
    /// <summary>
    /// The folded pairs of adjacent words within a value ("cai cach"): documents only. Most Vietnamese words are two
    /// syllables, so a pair is how a two-syllable word is matched, and how adjacent syllables outrank scattered ones.
    /// </summary>
    public const string Pairs = "pairs";
    /// <summary>The title alone (folded, written form stacked), with positions: a match here only adds to the score.</summary>
    public const string Title = "title";
    /// <summary>
    /// The title's pairs of adjacent words, documents only: folded ("cai cach"), and as written when both words are
    /// written otherwise ("cải cách"). A title phrase of two words is read as one of these terms instead of through the
    /// positions of <see cref="Title"/>, which was a seventh of a search's time at 1,000,000 posts.
    /// </summary>
    public const string TitlePairs = "titlePairs";

    public const string Id = "id";
    public const string Kind = "kind";
    public const string Unit = "unit";
    public const string Category = "category";
    /// <summary>One keyword per unit whose board accepted the post into its section (<see cref="SearchDocument.AcceptedInto"/>).</summary>
    public const string AcceptedInto = "acceptedInto";
    /// <summary>UTC ticks, as doc values: for the visibility and date filters and for sorting.</summary>
    public const string PublishAt = "publishAt";
    /// <summary>UTC ticks as doc values, <see cref="long.MaxValue"/> when the post never expires.</summary>
    public const string UnpublishAt = "unpublishAt";
    /// <summary>The document number as one lower-cased, folded keyword, so "21/KH-UBND" matches as typed.</summary>
    public const string NumberKey = "numberKey";
    /// <summary>Stored plain text the snippets are cut from.</summary>
    public const string StoredSummary = "summary.stored";
    public const string StoredBody = "body.stored";
}
