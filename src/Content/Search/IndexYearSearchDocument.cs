using System.Globalization;
using Lucene.Net.Documents;

namespace CchcSite.Content.Search;

/// <summary>
/// An index and year in the search index (its item id packs both, see <c>Indexes.IndexYear</c>), analysed as posts are: the index's name and its code as words ("PAR INDEX"), the
/// year, the groupings, then the units ranked, the components and the announcing documents, so a unit's name finds it too.
/// </summary>
public sealed record IndexYearSearchDocument(int ItemId, DateTime Since, int UnitId, string Title, string Code, string Assessor, string Groupings,
    string Body) : IIndexedDocument
{
    /// <summary>Posts have their <c>PostKind</c>, questions −1, procedures −2.</summary>
    public const int KindValue = -3;
    private const string KeyPrefix = "cs";

    public static string KeyOf(int itemId) => KeyPrefix + itemId.ToString(CultureInfo.InvariantCulture);

    public string Key => KeyOf(ItemId);

    public Document ToLucene()
    {
        var summary = $"{Assessor}. {Groupings}.";
        var document = SearchDocument.OtherItem(Key, KindValue, UnitId, Since, summary, Body);
        // The code as words: "PAR_INDEX" is typed "par index".
        new IndexedText([Title, Code.Replace('_', ' '), summary, Body]).AddTo(document);
        return document;
    }
}
