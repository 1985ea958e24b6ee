using System.Globalization;
using CchcSite.Content.Posts;
using Lucene.Net.Documents;

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

    /// <summary>The document number as one keyword whatever its separators: "21/KH-UBND", "21 kh ubnd" → "21 kh ubnd".</summary>
    public static string NumberKey(string number) =>
        string.Join(' ', SearchAnalyzers.Tokens(SearchAnalyzers.Folded, number).Select(t => t.Term));

    public Document ToLucene()
    {
        var document = new Document
        {
            new StringField(SearchFields.Id, IdOf(PostId), Field.Store.YES),
            new NumericDocValuesField(SearchFields.Kind, (long)Kind),
            new NumericDocValuesField(SearchFields.Unit, UnitId),
            new NumericDocValuesField(SearchFields.PublishAt, PublishAt.Ticks),
            new NumericDocValuesField(SearchFields.UnpublishAt, UnpublishAt?.Ticks ?? long.MaxValue),
            new StoredField(SearchFields.StoredBody, Body),
        };
        if (CategorySlug is not null)
            document.Add(new StringField(SearchFields.Category, CategorySlug, Field.Store.NO));
        if (Summary is not null)
            document.Add(new StoredField(SearchFields.StoredSummary, Summary));
        if (!string.IsNullOrWhiteSpace(Number))
            document.Add(new StringField(SearchFields.NumberKey, NumberKey(Number), Field.Store.NO));

        document.Add(new TextField(SearchFields.Title, Title, Field.Store.NO));
        AddText(document, Title);
        AddText(document, Summary);
        AddText(document, Body);
        AddText(document, string.Join(" . ", Tags));
        AddText(document, Number);
        AddText(document, Issuer);
        AddText(document, AttachmentText);
        return document;
    }

    /// <summary>One more value of the catch-all field; the analyzer keeps values apart.</summary>
    internal static void AddText(Document document, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
            document.Add(new TextField(SearchFields.All, text, Field.Store.NO));
    }
}
