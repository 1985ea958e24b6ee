namespace CchcSite.Content.Search;

/// <summary>The names of the index fields, in one place for the writer and the query builder.</summary>
public static class SearchFields
{
    /// <summary>
    /// The catch-all field every word is matched in: title, summary, body, tags, document number, issuer and
    /// attachment text, each value a gap apart so phrases never span two of them. Folded words, with the exact
    /// (diacritic) form and the folded two-syllable shingle ending there stacked at the same position.
    /// </summary>
    public const string All = "all";
    /// <summary>The title alone (folded, exact stacked): a match here only adds to the score.</summary>
    public const string Title = "title";

    public const string Id = "id";
    public const string Kind = "kind";
    /// <summary>"question" on published questions; posts have no value, so their documents stay as they were.</summary>
    public const string Type = "type";
    public const string Unit = "unit";
    public const string Category = "category";
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
