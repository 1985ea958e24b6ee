using CchcSite.Content.Paging;

namespace CchcSite.Content.Questions;

/// <summary>Published questions found by words, best first: their ids for one page, how many in all, or why the words cannot be searched.</summary>
public sealed record QuestionMatches(IReadOnlyList<int> Ids, int TotalCount, string? Problem);

/// <summary>
/// The Q&amp;A column's search, as Questions needs it. The full-text index implements it, so that Questions does not
/// depend on how search is done.
/// </summary>
public interface IQuestionSearch
{
    /// <summary>Questions of the units (all when null) and field (any when null) that the typed words find.</summary>
    QuestionMatches Find(string words, IReadOnlyCollection<int>? unitIds, string? categorySlug, PageRequest page);
}
