namespace CchcSite.Content.Posts;

/// <summary>The one rule for what the public may see.</summary>
public static class PostVisibility
{
    public static IQueryable<Post> VisibleAt(this IQueryable<Post> posts, DateTime utcNow) =>
        posts.Where(p => p.Status == PostStatus.Published
                         && p.PublishAt != null && p.PublishAt <= utcNow
                         && (p.UnpublishAt == null || p.UnpublishAt > utcNow));

    public static bool IsVisibleAt(this Post post, DateTime utcNow) =>
        post.Status == PostStatus.Published
        && post.PublishAt is { } publishAt && publishAt <= utcNow
        && (post.UnpublishAt is not { } unpublishAt || unpublishAt > utcNow);
}
