using System.Globalization;
using Lucene.Net.Documents;

namespace CchcSite.Content.Search;

/// <summary>
/// A procedure in the index, analysed as posts are. Its code is its title's first word and its number key, so the code
/// typed as written ranks it first; its kind value keeps it out of post searches, which only count it.
/// </summary>
public sealed record ProcedureSearchDocument(int ProcedureId, int UnitId, DateTime Since, string Code, string Name, string Field, string Subjects,
    string Body) : IIndexedDocument
{
    /// <summary>Posts have their <c>PostKind</c>, questions −1.</summary>
    public const int KindValue = -2;
    private const string KeyPrefix = "tt";

    public static string KeyOf(int procedureId) => KeyPrefix + procedureId.ToString(CultureInfo.InvariantCulture);

    public string Key => KeyOf(ProcedureId);

    public Document ToLucene()
    {
        var document = new Document
        {
            SearchDocument.Keyword(SearchFields.Id, Key, stored: true),
            new NumericDocValuesField(SearchFields.Kind, KindValue),
            new NumericDocValuesField(SearchFields.Unit, UnitId),
            new NumericDocValuesField(SearchFields.PublishAt, Since.Ticks),
            new NumericDocValuesField(SearchFields.UnpublishAt, long.MaxValue),
            new StoredField(SearchFields.StoredSummary, Subjects),
            new StoredField(SearchFields.StoredBody, Body),
            SearchDocument.Keyword(SearchFields.NumberKey, SearchDocument.NumberKey(Code)),
        };
        new IndexedText([$"{Code} {Name}", Field, Subjects, Body]).AddTo(document);
        return document;
    }
}
