namespace CchcSite.Content.Search;

public enum FieldVariant
{
    /// <summary>Folded words with the exact (diacritic) form stacked at the same position when it differs.</summary>
    Text,
    Shingles,
}

/// <summary>One indexed text of a post, with how much a match in it weighs.</summary>
public sealed record TextSource(string Name, float Weight, bool HasShingles)
{
    public string Text => $"{Name}.text";
    public string Shingles => $"{Name}.shingles";
}

/// <summary>The names of the index fields, in one place for the writer and the query builder.</summary>
public static class SearchFields
{
    /// <summary>Title weighs most, then the document number, summary and tags; the body and attachments least.</summary>
    public static readonly TextSource Title = new("title", 5f, HasShingles: true);
    public static readonly TextSource Number = new("number", 4f, HasShingles: false);
    public static readonly TextSource Summary = new("summary", 2.5f, HasShingles: false);
    public static readonly TextSource Tags = new("tags", 2f, HasShingles: false);
    public static readonly TextSource Issuer = new("issuer", 1.5f, HasShingles: false);
    public static readonly TextSource Body = new("body", 1f, HasShingles: true);
    public static readonly TextSource Attachments = new("attachments", 0.7f, HasShingles: false);

    public static readonly IReadOnlyList<TextSource> Texts = [Title, Number, Summary, Tags, Issuer, Body, Attachments];

    public const string Id = "id";
    public const string Kind = "kind";
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

    public static IEnumerable<(string Name, FieldVariant Variant)> AnalyzedFields()
    {
        foreach (var text in Texts)
        {
            yield return (text.Text, FieldVariant.Text);
            if (text.HasShingles)
                yield return (text.Shingles, FieldVariant.Shingles);
        }
    }
}
