using System.Text;
using CchcSite.Content.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CchcSite.Content.Tests.Search;

public class BulkLz4Tests
{
    private const string Words = "cải cách hành chính thủ tục văn bản kế hoạch giáo dục sở dân tỉnh phường một cửa ";

    /// <summary>Texts LZ4 treats differently: long literal runs, long matches, overlapping runs, nothing to match.</summary>
    public static TheoryData<int, int> Texts() => new() { { 1, 10 }, { 2, 300 }, { 3, 5_000 }, { 4, 70_000 }, { 5, 4_096 } };

    private static byte[] Text(int seed, int length)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            switch (random.Next(4))
            {
                case 0: text.Append(Words, random.Next(Words.Length / 2), random.Next(1, Words.Length / 2)); break;
                case 1: text.Append((char)random.Next(0x20, 0x2000)); break;
                case 2: text.Append('a', random.Next(1, 600)); break;
                default: text.Append(random.Next()); break;
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString(0, length));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Decompresses_what_Lucenes_LZ4_wrote_and_leaves_the_file_where_Lucene_does(int seed, int length)
    {
        var first = Text(seed, length);
        var second = Text(seed + 100, 777);
        using var directory = new RAMDirectory();
        using (var output = directory.CreateOutput("chunks", IOContext.DEFAULT))
        {
            var compressor = CompressionMode.FAST.NewCompressor();
            compressor.Compress(first, 0, first.Length, output);
            compressor.Compress(second, 0, second.Length, output);
        }

        foreach (var (offset, take) in new[] { (0, first.Length), (0, Math.Min(1, first.Length)), (first.Length / 3, first.Length / 2) })
        {
            using var ours = directory.OpenInput("chunks", IOContext.DEFAULT);
            using var lucenes = directory.OpenInput("chunks", IOContext.DEFAULT);
            var read = new BytesRef();
            new BulkLz4Decompressor().Decompress(ours, first.Length, offset, take, read);
            CompressionMode.FAST.NewDecompressor().Decompress(lucenes, first.Length, offset, take, new BytesRef());

            Assert.Equal(first.AsSpan(offset, take).ToArray(), read.Bytes.AsSpan(read.Offset, read.Length).ToArray());
            Assert.Equal(lucenes.Position, ours.Position);
        }

        // Read one after the other from one file, as the stored fields reader reads a large document's slices.
        using var input = directory.OpenInput("chunks", IOContext.DEFAULT);
        var decompressor = new BulkLz4Decompressor();
        var bytes = new BytesRef();
        decompressor.Decompress(input, first.Length, 0, first.Length, bytes);
        decompressor.Decompress(input, second.Length, 0, second.Length, bytes);
        Assert.Equal(second, bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
        Assert.Equal(input.Length, input.Position);
    }

    /// <param name="segments">Committed one by one, then merged into one: a merge reads them through a checksumming input.</param>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void The_sites_codec_reads_back_every_stored_text_from_a_memory_mapped_index(int segments)
    {
        StoredTextCodec.Register();
        var path = System.IO.Directory.CreateTempSubdirectory("cchc-lz4-").FullName;
        try
        {
            // Small and large documents: a chunk of several, and documents of more than two chunks, read in slices.
            var bodies = Enumerable.Range(0, 40).Select(i => Encoding.UTF8.GetString(Text(i, i % 7 == 0 ? 30_000 + i : 200 + 37 * i))).ToList();
            using (var directory = new MMapDirectory(new DirectoryInfo(path)))
            {
                using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer()) { Codec = StoredTextCodec.Instance }))
                {
                    foreach (var (body, i) in bodies.Select((b, i) => (b, i)))
                    {
                        writer.AddDocument(new Document { new StringField("id", i.ToString(), Field.Store.YES), new StoredField("body", body) });
                        if ((i + 1) % (bodies.Count / segments) == 0)
                            writer.Commit();
                    }
                    writer.ForceMerge(1);
                    writer.Commit();
                }
                using var reader = DirectoryReader.Open(directory);
                // Out of order and repeated, as search results come.
                foreach (var doc in Enumerable.Range(0, bodies.Count).Reverse().Concat(Enumerable.Range(0, bodies.Count)))
                {
                    var document = reader.Document(doc);
                    Assert.Equal(bodies[int.Parse(document.Get("id"))], document.Get("body"));
                }
            }
        }
        finally
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }
}
