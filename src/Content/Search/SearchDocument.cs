using System.Globalization;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace CchcSite.Content.Search;

/// <summary>Anything the index holds: its unique key and its Lucene document.</summary>
public interface IIndexedDocument
{
    string Key { get; }
    Document ToLucene();
}

/// <summary>What the index knows of one post: plain text and the values the filters need.</summary>
public sealed record SearchDocument(
    int PostId,
    PostKind Kind,
    int UnitId,
    string? CategorySlug,
    DateTime PublishAt,
    DateTime? UnpublishAt,
    string Title,
    string? Summary,
    string Body,
    IReadOnlyList<string> Tags,
    string? Number,
    string? Issuer,
    string AttachmentText) : IIndexedDocument
{
    public static string IdOf(int postId) => postId.ToString(CultureInfo.InvariantCulture);

    public string Key => IdOf(PostId);

    /// <summary>
    /// The units whose editorial board accepted this post into its section (an accepted <c>PostProposal</c>): a search
    /// filtered on such a unit finds it as its section lists it, whatever the unit's own setting for its sub-units.
    /// </summary>
    public IReadOnlyList<int> AcceptedInto { get; init; } = [];

    /// <summary>
    /// The day a document was issued. A document is cited by its number and that day ("Kế hoạch số 16/KH-UBND ngày
    /// 20/3/2024"), which its own text seldom repeats; it is indexed as a citation writes it, with and without the
    /// leading zeros (<see cref="CitedDates"/>).
    /// </summary>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>"ngày 20/3/2024" and "ngày 20/03/2024" (the site's own form): both ways a citation writes a day, each a value of its own.</summary>
    public static IEnumerable<string> CitedDates(DateOnly day) => WrittenDays(day).Select(date => "ngày " + date);

    private static IEnumerable<string> WrittenDays(DateOnly day) =>
        new[] { day.ToString("d/M/yyyy", CultureInfo.InvariantCulture), VietnameseDate.FormatDate(day) }.Distinct();

    public static string UnitKey(int unitId) => unitId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The document number as one keyword whatever its separators: "21/KH-UBND", "21 kh ubnd" → "21 kh ubnd".</summary>
    public static string NumberKey(string number) =>
        string.Join(' ', SearchAnalyzers.Tokens(SearchAnalyzers.Folded, number).Select(t => t.Term));

    /// <summary>
    /// The fields of an item other than a post (a procedure, an index and year): its key, its kind value (which keeps it out
    /// of post searches), its unit, visible from <paramref name="since"/> and never hidden, and the summary and body a result shows.
    /// </summary>
    internal static Document OtherItem(string key, int kindValue, int unitId, DateTime since, string summary, string body) =>
    [
        Keyword(SearchFields.Id, key, stored: true),
        new NumericDocValuesField(SearchFields.Kind, kindValue),
        new NumericDocValuesField(SearchFields.Unit, unitId),
        new NumericDocValuesField(SearchFields.PublishAt, since.Ticks),
        new NumericDocValuesField(SearchFields.UnpublishAt, long.MaxValue),
        new StoredField(SearchFields.StoredSummary, summary),
        new StoredField(SearchFields.StoredBody, body),
    ];

    public Document ToLucene()
    {
        var document = new Document
        {
            Keyword(SearchFields.Id, IdOf(PostId), stored: true),
            new NumericDocValuesField(SearchFields.Kind, (long)Kind),
            new NumericDocValuesField(SearchFields.Unit, UnitId),
            new NumericDocValuesField(SearchFields.PublishAt, PublishAt.Ticks),
            new NumericDocValuesField(SearchFields.UnpublishAt, UnpublishAt?.Ticks ?? long.MaxValue),
            new StoredField(SearchFields.StoredBody, Body),
        };
        if (CategorySlug is not null)
            document.Add(Keyword(SearchFields.Category, CategorySlug));
        if (Summary is not null)
            document.Add(new StoredField(SearchFields.StoredSummary, Summary));
        if (!string.IsNullOrWhiteSpace(Number))
            document.Add(Keyword(SearchFields.NumberKey, NumberKey(Number)));
        // A day typed whole ("17/01/2022") is read as a number key like a document number (QueryPart.NumberKey): the document
        // issued that day is the one a citation names, however many other words the query holds; a post that only gives
        // the day in its text matches the day's words alone.
        foreach (var written in IssuedOn is { } issued ? WrittenDays(issued) : [])
            document.Add(Keyword(SearchFields.NumberKey, NumberKey(written)));
        foreach (var unitId in AcceptedInto)
            document.Add(Keyword(SearchFields.AcceptedInto, UnitKey(unitId)));

        new IndexedText([Title, Summary, Body, string.Join(" . ", Tags), Number, .. IssuedOn is { } day ? CitedDates(day) : [], Issuer,
            AttachmentText]).AddTo(document);
        return document;
    }

    private static readonly FieldType KeywordType = new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    }.Freeze();

    private static readonly FieldType StoredKeywordType = new FieldType(KeywordType) { IsStored = true }.Freeze();

    /// <summary>
    /// A value indexed as one term, like a <see cref="StringField"/>, but through the analyzer (a keyword analyzer, see
    /// <see cref="SearchAnalyzers.Keywords"/>): a StringField makes a new token stream per document, and Lucene.Net
    /// looks up the classes of its attributes by name each time.
    /// </summary>
    internal static Field Keyword(string name, string value, bool stored = false) =>
        new(name, value, stored ? StoredKeywordType : KeywordType);
}
