using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using CchcSite.Content;
using Microsoft.AspNetCore.Connections;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The buffers Kestrel reads requests into and writes answers from: pinned 4 KB blocks kept for reuse, as Kestrel's own
/// pool keeps them, but given back only when <see cref="IdleTrim"/> finds the site quiet (<see cref="IIdleMemory"/>). Kestrel's pool (ASP.NET Core 10)
/// evicts a few blocks every 10 s from its heartbeat instead, queuing a work item per pool whether or not it holds any:
/// on an idle site that wakes two thread-pool workers, the pool's gate thread and the finalizer every 5 s, and on a
/// virtual machine each wake-up costs in proportion to the process's resident memory (docs/perf.md, "Idle CPU: Kestrel's
/// buffers given back when the site is quiet").
/// </summary>
public sealed class QuietMemoryPoolFactory : IMemoryPoolFactory<byte>, IIdleMemory
{
    private readonly ConcurrentDictionary<QuietMemoryPool, byte> _pools = new();

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
    {
        var pool = new QuietMemoryPool(this);
        _pools.TryAdd(pool, 0);
        return pool;
    }

    /// <summary>Drops every block no connection holds; the next collection frees them.</summary>
    public void Release()
    {
        foreach (var pool in _pools.Keys)
            pool.Trim();
    }

    /// <summary>Blocks kept for reuse in all pools.</summary>
    public int KeptBlocks => _pools.Keys.Sum(pool => pool.KeptBlocks);

    internal void Forget(QuietMemoryPool pool) => _pools.TryRemove(pool, out _);
}

/// <summary>One transport's blocks: rented by a connection for a read or a write, returned when it is done with them.</summary>
public sealed class QuietMemoryPool : MemoryPool<byte>
{
    /// <summary>Kestrel asks for no more than this (its own pool's block: a memory page).</summary>
    public const int BlockSize = 4096;

    private readonly ConcurrentQueue<Block> _kept = new();
    private readonly QuietMemoryPoolFactory _factory;
    private volatile bool _disposed;

    internal QuietMemoryPool(QuietMemoryPoolFactory factory) => _factory = factory;

    public override int MaxBufferSize => BlockSize;

    public int KeptBlocks => _kept.Count;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _kept.TryDequeue(out var block) ? block : new Block(this);
    }

    internal void Trim()
    {
        while (_kept.TryDequeue(out _))
        {
        }
    }

    private void Return(Block block)
    {
        if (!_disposed)
            _kept.Enqueue(block);
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _factory.Forget(this);
        Trim();
    }

    /// <summary>
    /// A pinned array, so that a socket's read or write needs no pinning of its own (the memory made from it says so);
    /// returned to its pool when disposed.
    /// </summary>
    private sealed class Block(QuietMemoryPool pool) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory { get; } = MemoryMarshal.CreateFromPinnedArray(GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true), 0, BlockSize);

        public void Dispose() => pool.Return(this);
    }
}
