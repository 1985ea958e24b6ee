using System.Globalization;

namespace CchcSite.Content.Search;

/// <summary>
/// A published contest in the index, analysed as posts are: its title, its summary and its rules, so a visitor who types a
/// few words of its name, with or without tones, finds it. Its kind value keeps it out of post searches, which only count it.
/// </summary>
public sealed record ContestSearchDocument(int ContestId, int UnitId, DateTime Since, string Title, string Summary, string Body) : IIndexedDocument
{
    /// <summary>Posts have their <c>PostKind</c>, questions −1, procedures −2, index years −3.</summary>
    public const int KindValue = -4;
    private const string KeyPrefix = "ht";

    public static string KeyOf(int contestId) => KeyPrefix + contestId.ToString(CultureInfo.InvariantCulture);

    public string Key => KeyOf(ContestId);

    public Lucene.Net.Documents.Document ToLucene()
    {
        var document = SearchDocument.OtherItem(Key, KindValue, UnitId, Since, Summary, Body);
        new IndexedText([Title, Summary, Body]).AddTo(document);
        return document;
    }
}
