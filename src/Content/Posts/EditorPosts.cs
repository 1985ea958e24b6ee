using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Posts;

/// <summary>A post in the editor's list; <see cref="ChangeStatus"/> is the state of its pending change, if it has one.</summary>
public sealed record EditorPostRow(int Id, string Title, PostKind Kind, PostStatus Status, int UnitId, string UnitShortName,
    DateTime UpdatedAt, DateTime? PublishAt, PostStatus? ChangeStatus = null);

/// <summary>What an editor filters the list of their units' posts by. A null unit set means every unit.</summary>
public sealed record EditorPostFilter(IReadOnlySet<int>? UnitIds, int? UnitId, PostKind? Kind, PostStatus? Status, string? Title)
{
    /// <summary>Only posts carrying out this plan row.</summary>
    public int? PlanItemId { get; init; }

    public PageRequest Page { get; init; } = new();
}

/// <summary>Posts in every state, for the editor area. Callers pass the units the user may read drafts in.</summary>
public sealed class EditorPosts(CchcDbContext db)
{
    public Task<PagedResult<EditorPostRow>> ListAsync(EditorPostFilter filter, CancellationToken ct)
    {
        var query = db.Posts.AsNoTracking();
        if (filter.UnitIds is { } allowed)
        {
            var ids = allowed.ToList();
            query = query.Where(p => ids.Contains(p.UnitId));
        }
        if (filter.UnitId is { } unitId)
            query = query.Where(p => p.UnitId == unitId);
        if (filter.Kind is { } kind)
            query = query.Where(p => p.Kind == kind);
        if (filter.PlanItemId is { } planItemId)
            query = query.Where(p => p.PlanItemId == planItemId);
        // A live post whose change waits for review is in the review queue too: the change is what is reviewed.
        if (filter.Status is { } status)
            query = query.Where(p => p.Status == status || (p.PendingChange != null && p.PendingChange.Status == status));
        if (!string.IsNullOrWhiteSpace(filter.Title))
            query = query.WhereContains(p => p.Title, filter.Title);
        // The date shown and sorted on is the later of the post's and its pending change's: where the last work was.
        return query
            .Select(p => new { Post = p, Touched = p.PendingChange != null && p.PendingChange.UpdatedAt > p.UpdatedAt ? p.PendingChange.UpdatedAt : p.UpdatedAt })
            .OrderByDescending(x => x.Touched).ThenByDescending(x => x.Post.Id)
            .Select(x => new EditorPostRow(x.Post.Id, x.Post.Title, x.Post.Kind, x.Post.Status, x.Post.UnitId, x.Post.Unit.ShortName, x.Touched,
                x.Post.PublishAt, x.Post.PendingChange == null ? null : x.Post.PendingChange.Status))
            .ToPageAsync(filter.Page, ct);
    }
}

public static class PostStatusNames
{
    public static string Vietnamese(this PostStatus status) => status switch
    {
        PostStatus.Draft => "Bản nháp",
        PostStatus.InReview => "Chờ duyệt",
        PostStatus.Scheduled => "Hẹn giờ đăng",
        PostStatus.Published => "Đã đăng",
        PostStatus.Unpublished => "Đã gỡ",
        _ => "Lưu trữ",
    };
}
