namespace CchcSite.Content;

/// <summary>
/// Memory kept for a burst of requests that a quiet site can give back: the host's idle trim asks each such part, then
/// collects. On a virtual machine an idle process's every wake-up costs in proportion to its resident memory
/// (docs/perf.md, "Idle CPU and resident memory"), so what no request will read again should not stay.
/// </summary>
public interface IIdleMemory
{
    /// <summary>Drops what is kept only for requests that come close together; never what is still valid and dear to rebuild.</summary>
    void Release();
}
