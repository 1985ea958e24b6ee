using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;

namespace CchcSite.Content.Search;

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>A found post with the passage that matched, as HTML in which only &lt;mark&gt; is markup.</summary>
public sealed record SearchHit(PostCard Post, string SnippetHtml);

public sealed record KindCount(PostKind Kind, string Name, int Count);

public sealed record UnitCount(UnitRef Unit, int Count);

/// <summary>
/// One page of hits, and how the whole match set divides by kind and by unit; and how many published questions of
/// the Q&amp;A column (which has its own search, <c>/hoi-dap?q=</c>) the same words find in the same units; and the query
/// with its mistyped syllables corrected, when the search corrected one ("did you mean").
/// </summary>
public sealed record SearchResults(PagedResult<SearchHit> Hits, IReadOnlyList<KindCount> Kinds, IReadOnlyList<UnitCount> Units, int QuestionCount,
    string? Correction = null)
{
    /// <summary>The words typed that no post holds, which the search went without ("online" of "sổ đỏ online"): the page says so.</summary>
    public IReadOnlyList<string> Unfound { get; init; } = [];

    /// <summary>
    /// The documents of the other sources the same words find, by source (procedures: "Thủ tục hành chính"), each with the
    /// list that searches them alone; counted only by an unfiltered search, as questions are.
    /// </summary>
    public IReadOnlyList<SourceCount> Sources { get; init; } = [];
}

/// <summary>How many documents of a source match, and the address of its own list searched for the same words.</summary>
public sealed record SourceCount(string Name, int Count, string Url);
