using CchcSite.Web.Hosting;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>
/// Kestrel's buffers kept for reuse until the site is quiet: a returned block is rented again, a trim drops what is kept,
/// and a block never goes to two renters.
/// </summary>
public sealed class QuietMemoryPoolTests
{
    [Fact]
    public void A_returned_block_is_rented_again_and_a_trim_drops_it()
    {
        var factory = new QuietMemoryPoolFactory();
        using var pool = factory.Create();
        var first = pool.Rent();
        var memory = first.Memory;
        Assert.Equal(QuietMemoryPool.BlockSize, memory.Length);

        first.Dispose();
        Assert.Equal(1, factory.KeptBlocks);
        using (var again = pool.Rent())
            Assert.True(again.Memory.Span == memory.Span, "the kept block is reused");

        factory.Release();
        Assert.Equal(0, factory.KeptBlocks);
        using var fresh = pool.Rent();
        Assert.False(fresh.Memory.Span == memory.Span, "a trimmed block is not handed out again");
    }

    [Fact]
    public void Blocks_held_at_once_are_distinct()
    {
        using var pool = new QuietMemoryPoolFactory().Create();
        var blocks = Enumerable.Range(0, 3).Select(_ => pool.Rent()).ToList();
        blocks.ForEach(b => b.Dispose());
        var rented = Enumerable.Range(0, 3).Select(_ => pool.Rent()).ToList();

        for (var i = 0; i < rented.Count; i++)
            for (var j = i + 1; j < rented.Count; j++)
                Assert.False(rented[i].Memory.Span.Overlaps(rented[j].Memory.Span));
    }

    [Fact]
    public void More_than_a_block_is_refused_and_a_disposed_pool_keeps_nothing()
    {
        var factory = new QuietMemoryPoolFactory();
        var pool = factory.Create();
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(QuietMemoryPool.BlockSize + 1));

        var block = pool.Rent();
        pool.Dispose();
        block.Dispose();

        Assert.Equal(0, factory.KeptBlocks);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }
}
