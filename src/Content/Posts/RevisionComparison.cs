using System.Text.Json;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace CchcSite.Content.Posts;

public enum LineChange
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(LineChange Change, string Text);

/// <summary>One field of two revisions: its lines side by side, or null when unchanged.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

/// <summary>A readable line-by-line comparison of two revisions: title, summary, other fields and body.</summary>
public static class RevisionComparison
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());

    public static IReadOnlyList<FieldDiff> Compare(PostRevision older, PostRevision newer)
    {
        var fields = new List<FieldDiff>();
        void Add(string name, string? before, string? after)
        {
            if (before == after)
                return;
            var diff = Builder.BuildDiffModel(before ?? "", after ?? "", ignoreWhitespace: false);
            fields.Add(new FieldDiff(name, diff.Lines.Select(line => new DiffLine(line.Type switch
            {
                ChangeType.Deleted => LineChange.Removed,
                ChangeType.Inserted => LineChange.Added,
                _ => LineChange.Same,
            }, line.Text)).ToList()));
        }
        Add("Tiêu đề", older.Title, newer.Title);
        Add("Tóm tắt", older.Summary, newer.Summary);
        Add("Thông tin khác", Readable(older), Readable(newer));
        Add("Nội dung", older.BodyMarkdown, newer.BodyMarkdown);
        return fields;
    }

    /// <summary>
    /// A post's pending change against its live text, as the reviewer must judge it. The times are the live ones on
    /// both sides: approving a change never moves them.
    /// </summary>
    public static IReadOnlyList<FieldDiff> ChangeAgainstLive(Post post)
    {
        var change = post.PendingChange ?? throw new InvalidOperationException($"Post {post.Id} has no pending change.");
        var live = PostDraft.Of(post);
        return Compare(Snapshot(live), Snapshot(ToDraft(change.Revision) with { PublishAt = live.PublishAt, UnpublishAt = live.UnpublishAt }));
    }

    private static PostRevision Snapshot(PostDraft draft) =>
        new() { Title = draft.Title, Summary = draft.Summary, BodyMarkdown = draft.BodyMarkdown, FieldsJson = RevisionFormat.Write(draft) };

    private static readonly JsonSerializerOptions OnePerLine =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The stored fields one per line, so that a change shows as the one line it is. Read into the current shape first,
    /// so that revisions written in different versions compare field by field.
    /// </summary>
    private static string Readable(PostRevision revision) => RevisionFormat.Write(ToDraft(revision), OnePerLine);

    /// <summary>The draft a revision holds, to save again as the newest version.</summary>
    public static PostDraft ToDraft(PostRevision revision) => RevisionFormat.Read(revision);
}
