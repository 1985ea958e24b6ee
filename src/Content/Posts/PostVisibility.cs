using System.Linq.Expressions;
using System.Reflection;

namespace CchcSite.Content.Posts;

/// <summary>The one rule for what the public may see.</summary>
public static class PostVisibility
{
    /// <summary>The rule with the moment as a parameter: <see cref="VisibleAt"/> binds it, <see cref="Inline{T}"/> places it in compiled queries.</summary>
    private static readonly Expression<Func<Post, DateTime, bool>> Rule = (p, utcNow) =>
        p.Status == PostStatus.Published
        && p.PublishAt != null && p.PublishAt <= utcNow
        && (p.UnpublishAt == null || p.UnpublishAt > utcNow);

    private static readonly MethodInfo Where =
        ((Func<IQueryable<Post>, Expression<Func<Post, bool>>, IQueryable<Post>>)Queryable.Where).Method;

    public static IQueryable<Post> VisibleAt(this IQueryable<Post> posts, DateTime utcNow)
    {
        // Read from a closure, as a lambda written here would: EF Core sends the moment as a parameter, so the query's
        // plan is cached once, not once per moment.
        Expression<Func<DateTime>> moment = () => utcNow;
        return posts.Where(At(moment.Body));
    }

    /// <summary>
    /// A compiled query's expression with each <c>VisibleAt(posts, now)</c> in it replaced by the rule itself, which EF Core
    /// translates (it cannot look inside a method of ours): compiled queries apply the same rule as every other read.
    /// </summary>
    public static Expression<T> Inline<T>(Expression<T> query) => (Expression<T>)new Inliner().Visit(query);

    public static bool IsVisibleAt(this Post post, DateTime utcNow) => IsVisibleAt(post.Status, post.PublishAt, post.UnpublishAt, utcNow);

    /// <summary>The rule on a post's values read earlier (a kept card's).</summary>
    public static bool IsVisibleAt(PostStatus status, DateTime? publishAt, DateTime? unpublishAt, DateTime utcNow) =>
        status == PostStatus.Published
        && publishAt is { } from && from <= utcNow
        && (unpublishAt is not { } until || until > utcNow);

    private static Expression<Func<Post, bool>> At(Expression utcNow) =>
        Expression.Lambda<Func<Post, bool>>(new ParameterReplacer(Rule.Parameters[1], utcNow).Visit(Rule.Body), Rule.Parameters[0]);

    private sealed class Inliner : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(PostVisibility) && node.Method.Name == nameof(VisibleAt)
                ? Expression.Call(Where, Visit(node.Arguments[0]), Expression.Quote(At(Visit(node.Arguments[1]))))
                : base.VisitMethodCall(node);
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
