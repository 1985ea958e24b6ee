using System.Globalization;
using Lucene.Net.Documents;

namespace CchcSite.Content.Search;

/// <summary>
/// A published question and its answer in the index, beside the posts and analysed the same way. Its key and its
/// kind value keep it apart: post searches leave questions out, the Q&amp;A column's search asks for them alone.
/// </summary>
public sealed record QuestionSearchDocument(int QuestionId, int UnitId, string? CategorySlug, DateTime AnsweredAt, string Title, string Question, string Answer)
    : IIndexedDocument
{
    /// <summary>The kind doc value of a question: posts have their <c>PostKind</c>, never negative.</summary>
    public const int KindValue = -1;
    private const string KeyPrefix = "q";

    public static string KeyOf(int questionId) => KeyPrefix + questionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The item number in an index key: a post's key is its number, other sources put a letter or two before it.</summary>
    public static int NumberOf(string key) =>
        int.Parse(key.AsSpan(key.TakeWhile(char.IsAsciiLetter).Count()), CultureInfo.InvariantCulture);

    public string Key => KeyOf(QuestionId);

    public Document ToLucene()
    {
        var document = new Document
        {
            SearchDocument.Keyword(SearchFields.Id, Key, stored: true),
            // What keeps questions and posts apart in a search (see Visibility).
            new NumericDocValuesField(SearchFields.Kind, KindValue),
            new NumericDocValuesField(SearchFields.Unit, UnitId),
            new NumericDocValuesField(SearchFields.PublishAt, AnsweredAt.Ticks),
            new NumericDocValuesField(SearchFields.UnpublishAt, long.MaxValue),
            new StoredField(SearchFields.StoredSummary, Question),
            new StoredField(SearchFields.StoredBody, Answer),
        };
        if (CategorySlug is not null)
            document.Add(SearchDocument.Keyword(SearchFields.Category, CategorySlug));
        new IndexedText([Title, Question, Answer]).AddTo(document);
        return document;
    }
}
