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
        var document = SearchDocument.OtherItem(Key, KindValue, UnitId, Since, Subjects, Body);
        document.Add(SearchDocument.Keyword(SearchFields.NumberKey, SearchDocument.NumberKey(Code)));
        new IndexedText([$"{Code} {Name}", Field, Subjects, Body]).AddTo(document);
        return document;
    }
}
