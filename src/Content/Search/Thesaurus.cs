namespace CchcSite.Content.Search;

/// <summary>Placeholder replaced below.</summary>
public sealed class Thesaurus
{
    public static Thesaurus Empty { get; } = new();
}

public sealed class ThesaurusStore
{
    public Task<Thesaurus> CurrentAsync(CancellationToken ct) => Task.FromResult(Thesaurus.Empty);
}
