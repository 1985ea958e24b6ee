using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Posts;

public sealed record EditorPostRow(int Id, string Title, PostKind Kind, PostStatus Status, int UnitId, string UnitShortName,
    DateTime UpdatedAt, DateTime? PublishAt);

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
        if (filter.Status is { } status)
            query = query.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(filter.Title))
        {
            var title = filter.Title.Trim();
            query = query.Where(p => p.Title.Contains(title));
        }
        return query.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Select(p => new EditorPostRow(p.Id, p.Title, p.Kind, p.Status, p.UnitId, p.Unit.ShortName, p.UpdatedAt, p.PublishAt))
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
