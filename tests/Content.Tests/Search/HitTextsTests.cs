using CchcSite.Content.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace CchcSite.Content.Tests.Search;

/// <summary>
/// A result's text is kept by its segment and its number there, so it is right after the documents are renumbered:
/// merged segments give the same numbers to other documents, and an entry keyed by the whole reader's number (or the
/// segment's place in it) would then show another document's snippet.
/// </summary>
public sealed class HitTextsTests
{
    [Fact]
    public void A_text_read_before_a_merge_renumbered_the_documents_is_never_shown_for_another_document()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, new KeywordAnalyzer()));
        foreach (var id in new[] { "post:1", "post:2" })
        {
            writer.AddDocument(Document(id));
            writer.Commit(); // a segment each
        }
        using var texts = new HitTexts();
        using (var before = DirectoryReader.Open(directory))
        {
            var searcher = new IndexSearcher(before);
            Assert.Equal(2, before.Leaves.Count);
            Assert.Equal(["post:1", "post:2"], [texts.Read(searcher, 0).Id, texts.Read(searcher, 1).Id]);
            Assert.Equal("Nội dung post:2", texts.Read(searcher, 1).Body);
        }

        writer.DeleteDocuments(new Term(SearchFields.Id, "post:1"));
        writer.AddDocument(Document("post:3"));
        writer.ForceMerge(1);
        writer.Commit();
        using var after = DirectoryReader.Open(directory);
        var merged = new IndexSearcher(after);
        Assert.Single(after.Leaves);
        Assert.Equal(["post:2", "post:3"], [texts.Read(merged, 0).Id, texts.Read(merged, 1).Id]);
        Assert.Equal("Tóm tắt post:2", texts.Read(merged, 0).Summary);
        Assert.Equal("Nội dung post:3", texts.Read(merged, 1).Body);
    }

    private static Document Document(string id) =>
    [
        new StringField(SearchFields.Id, id, Field.Store.YES),
        new StoredField(SearchFields.StoredSummary, "Tóm tắt " + id),
        new StoredField(SearchFields.StoredBody, "Nội dung " + id),
    ];
}
