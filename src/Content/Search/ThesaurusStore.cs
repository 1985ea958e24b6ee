namespace CchcSite.Content.Search;

/// <summary>The thesaurus searches use: the shipped list.</summary>
public sealed class ThesaurusStore
{
    private readonly Thesaurus _shipped = new(Thesaurus.Shipped);

    public Task<Thesaurus> CurrentAsync(CancellationToken ct) => Task.FromResult(_shipped);
}
