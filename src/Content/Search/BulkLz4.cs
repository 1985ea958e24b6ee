using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// Lucene's <see cref="CompressionMode.FAST"/> (LZ4) with a decompressor that reads the compressed bytes from the index
/// file in blocks. Lucene's own reads them one <c>ReadByte</c> at a time, and on a memory-mapped file each byte takes a
/// safe-handle round trip: 10 % of an uncached search's CPU went there. The bytes written are Lucene's, so an index
/// needs no rebuild; the file is left just past the compressed data, as Lucene's decompressor leaves it (the stored
/// fields reader decompresses a large document's slices one after another from the same file).
/// </summary>
internal sealed class BulkLz4Mode : CompressionMode
{
    public static BulkLz4Mode Instance { get; } = new();

    public override Compressor NewCompressor() => FAST.NewCompressor();

    public override Decompressor NewDecompressor() => new BulkLz4Decompressor();

    public override string ToString() => "BulkLz4";
}

internal sealed class BulkLz4Decompressor : Decompressor
{
    private const int MinMatch = 4;
    private const int Block = 1024;

    private readonly Decompressor _lucene = CompressionMode.FAST.NewDecompressor();
    private byte[] _input = new byte[Block];
    private int _filled;
    private int _position;
    private IndexInput? _file;
    private long _remaining;

    public override void Decompress(DataInput @in, int originalLength, int offset, int length, BytesRef bytes)
    {
        // A merge reads through a checksumming input, which cannot seek back over what was read ahead: Lucene's reads it.
        if (@in is not IndexInput file || @in is ChecksumIndexInput)
        {
            _lucene.Decompress(@in, originalLength, offset, length, bytes);
            return;
        }
        var start = file.Position;
        _file = file;
        _remaining = file.Length - start;
        _filled = _position = 0;

        // As Lucene's: room for the whole chunk and 7 bytes over, so that a match is copied in whole words.
        if (bytes.Bytes.Length < originalLength + 7)
            bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength + 7, 1)];
        var decompressed = Decode(offset + length, bytes.Bytes);
        if (decompressed > originalLength)
            throw new CorruptIndexException($"Corrupted: lengths mismatch: {decompressed} > {originalLength} (resource={file})");
        file.Seek(start + _position);
        _file = null;
        bytes.Offset = offset;
        bytes.Length = length;
    }

    public override object Clone() => new BulkLz4Decompressor();

    /// <summary>Lucene's <c>LZ4.Decompress</c>, the same sequences read from <see cref="_input"/>.</summary>
    private int Decode(int decompressedLength, byte[] dest)
    {
        var end = dest.Length;
        var at = 0;
        do
        {
            int token = Next();
            var literals = token >> 4;
            if (literals != 0)
            {
                if (literals == 0x0F)
                    literals += LengthTail();
                Copy(dest, at, literals);
                at += literals;
            }
            if (at >= decompressedLength)
                break;

            var distance = Next() | (Next() << 8);
            var match = token & 0x0F;
            if (match == 0x0F)
                match += LengthTail();
            match += MinMatch;
            // A match may overlap what it copies (a run): then byte by byte, as Lucene does.
            var whole = (match + 7) & ~7;
            if (distance < match || at + whole > end)
            {
                for (int from = at - distance, stop = at + match; at < stop; from++, at++)
                    dest[at] = dest[from];
            }
            else
            {
                Buffer.BlockCopy(dest, at - distance, dest, at, whole);
                at += match;
            }
        }
        while (at < decompressedLength);
        return at;
    }

    private int LengthTail()
    {
        var sum = 0;
        int next;
        while ((next = Next()) == 0xFF)
            sum += 0xFF;
        return sum + next;
    }

    private int Next()
    {
        if (_position == _filled)
            Fill(1);
        return _input[_position++];
    }

    private void Copy(byte[] dest, int at, int count)
    {
        while (count > 0)
        {
            if (_position == _filled)
                Fill(count);
            var n = Math.Min(count, _filled - _position);
            Buffer.BlockCopy(_input, _position, dest, at, n);
            _position += n;
            at += n;
            count -= n;
        }
    }

    /// <summary>Reads the next block of the file (at least <paramref name="wanted"/> bytes when the file has them).</summary>
    private void Fill(int wanted)
    {
        if (_remaining == 0)
            throw new EndOfStreamException($"Read past the end of {_file}");
        if (_filled == _input.Length)
        {
            // Keep what was read: the file is set back to just past the bytes used at the end.
            Array.Resize(ref _input, Math.Max(_input.Length * 2, _filled + wanted));
        }
        var count = (int)Math.Min(_remaining, Math.Max(Block, wanted));
        count = Math.Min(count, _input.Length - _filled);
        _file!.ReadBytes(_input, _filled, count);
        _filled += count;
        _remaining -= count;
    }
}
