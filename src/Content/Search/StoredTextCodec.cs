using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace CchcSite.Content.Search;

/// <summary>
/// Lucene 4.6's codec with the stored text (a result's summary and body, read for its snippet) compressed in chunks of
/// 4 KB instead of 16 KB. Reading one document decompresses its chunk from the start up to the document, so with 16 KB
/// chunks a result read about four of its neighbours too: stored fields were 22 % of an uncached search's CPU (ten
/// results, LZ4 read byte by byte). A chunk of 4 KB holds one or two posts; the index grows a little (less repetition
/// per chunk to compress away). The chunks are LZ4 as Lucene writes them, read back in blocks (<see cref="BulkLz4Mode"/>).
/// </summary>
[CodecName(CodecName)]
internal sealed class StoredTextCodec() : FilterCodec(new Lucene46Codec())
{
    private const string CodecName = "CchcStoredText46";
    private const int ChunkSize = 4 * 1024;

    private static readonly StoredFieldsFormat Stored = new CompressingStoredFieldsFormat(CodecName, BulkLz4Mode.Instance, ChunkSize);

    public static StoredTextCodec Instance { get; } = new();

    public override StoredFieldsFormat StoredFieldsFormat => Stored;

    /// <summary>
    /// Lets Lucene find this codec by the name each segment records. Lucene reads segments through a process-wide factory,
    /// so this is called before any index is opened (by <see cref="SearchIndex"/>'s type initializer).
    /// </summary>
    public static void Register() => Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(StoredTextCodec)] });
}
