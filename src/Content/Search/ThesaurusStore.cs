using CchcSite.Content.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Search;

/// <summary>
/// The thesaurus searches use: the shipped list (<see cref="Thesaurus.Shipped"/>) with the administrators' changes
/// (<see cref="SearchSynonym"/>). Read from the database at most every <see cref="Fresh"/>, and at once on this node after
/// a change made here; the other nodes of a farm see it within that time.
/// </summary>
public sealed class ThesaurusStore(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Loaded? _loaded;

    private sealed record Loaded(Thesaurus Thesaurus, DateTimeOffset At);

    public async Task<Thesaurus> CurrentAsync(CancellationToken ct)
    {
        if (_loaded is { } loaded && clock.GetUtcNow() - loaded.At < Fresh)
            return loaded.Thesaurus;
        await _gate.WaitAsync(ct);
        try
        {
            if (_loaded is { } again && clock.GetUtcNow() - again.At < Fresh)
                return again.Thesaurus;
            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<CchcDbContext>().SearchSynonyms.AsNoTracking().ToListAsync(ct);
            var thesaurus = Combine(rows);
            _loaded = new Loaded(thesaurus, clock.GetUtcNow());
            return thesaurus;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After a change: the next search reads the list again.</summary>
    public void Invalidate() => _loaded = null;

    /// <summary>The shipped groups not turned off, then the groups administrators added.</summary>
    public static Thesaurus Combine(IReadOnlyCollection<SearchSynonym> rows)
    {
        var off = rows.Where(r => r.TurnsOffShipped).Select(r => r.Forms).ToHashSet(StringComparer.Ordinal);
        var added = rows.Where(r => !r.TurnsOffShipped)
            .Select(r => ThesaurusGroup.Parse(r.Forms) is { } group ? group with { Source = r.Source } : null)
            .OfType<ThesaurusGroup>();
        return new Thesaurus(Thesaurus.Shipped.Where(g => !off.Contains(g.FormsText)).Concat(added));
    }
}
