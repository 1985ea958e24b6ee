using System.Collections.Immutable;

namespace CchcSite.Content.Data;

/// <summary>
/// What one committed transaction changed: the <see cref="ContentTags"/> of the public answers it made stale, and the
/// posts and questions whose search documents it enqueued in the outbox. Plain sets of strings and numbers, so that it
/// can be sent to another node as it is.
/// </summary>
public sealed record ContentChangeSet(ImmutableHashSet<string> Tags, ImmutableHashSet<int> PostIds, ImmutableHashSet<int> QuestionIds)
{
    public bool IsEmpty => Tags.Count == 0 && PostIds.Count == 0 && QuestionIds.Count == 0;

    /// <summary>
    /// Anything may have changed: every cached answer is stale and the search index must look at the outbox. What a node
    /// is told when it cannot know the details: a change set too large to send, or notices missed while it was not listening.
    /// </summary>
    public static ContentChangeSet Everything { get; } = new([ContentTags.Site], [], []);

    /// <summary>Whether the change set names search documents, or may (<see cref="Everything"/>).</summary>
    public bool TouchesSearch => PostIds.Count > 0 || QuestionIds.Count > 0 || Tags.Contains(ContentTags.Site) || Tags.Any(ContentTags.IsSource);
}

/// <summary>
/// Told of each change set once its transaction has committed, never before and never for a rollback. Called on the
/// committing request, after the commit: a listener does something quick (evicts, wakes a worker); its failure is logged
/// and never undoes the change.
/// </summary>
public interface IContentChangeListener
{
    ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct);
}

/// <summary>
/// The names a cached public answer is tagged with, by what it shows, and that a change set lists for what it changed.
/// When unsure, an answer takes a coarser tag: evicting too much costs a rendering, evicting too little shows stale content.
/// </summary>
public static class ContentTags
{
    /// <summary>
    /// Every cached public answer: units (names, tree, contacts), categories, tag names and media details show in
    /// menus, breadcrumbs and cards nearly everywhere, so a change to them makes everything stale. Such changes are rare.
    /// </summary>
    public const string Site = "site";

    /// <summary>The home page: the latest posts of all units.</summary>
    public const string Home = "home";

    /// <summary>Lists of posts beyond one unit (a category, the API's list), and any answer without a finer tag.</summary>
    public const string PostLists = "posts";

    /// <summary>The Q&amp;A column, each published question and the questions API.</summary>
    public const string Questions = "questions";

    private const string SourcePrefix = "source:";

    /// <summary>
    /// Every public answer showing items of a search source other than posts and questions (procedures: their lists,
    /// pages and API); a change set naming it also has rows for that source in the search outbox.
    /// </summary>
    public static string Source(string name) => SourcePrefix + name;

    public static bool IsSource(string tag) => tag.StartsWith(SourcePrefix, StringComparison.Ordinal);

    /// <summary>A unit's section, which lists its sub-units' posts too: a section carries the tag of every unit below it.</summary>
    public static string Unit(int id) => $"unit:{id}";

    /// <summary>One post's page, print view and API answer; a change to a post also names the documents linked to it.</summary>
    public static string Post(int id) => $"post:{id}";
}
