using System.Runtime.CompilerServices;
using CchcSite.Content.Categories;
using CchcSite.Content.Media;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcSite.Content.Data;

/// <summary>Tells caches that public content may have changed. Raised after the change is committed.</summary>
public sealed class ContentChangeSignal
{
    public event Action? Changed;

    internal void Raise() => Changed?.Invoke();
}

/// <summary>
/// Watches every save of every context, so no writer (seeding, the editor area, a background job, a test)
/// can change public content without caches hearing of it.
/// </summary>
public sealed class ContentChangeInterceptor(ContentChangeSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (IsPublicContent(e.Entity) || Questions.QuestionColumnChanges.Touches(e))))
            _pending.AddOrUpdate(context, this);
    }

    private void Announce(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
            signal.Raise();
    }

    private static bool IsPublicContent(object entity) => entity is Post or DocumentInfo or VideoInfo or Attachment or DocumentRelation
        or Tag or Unit or UnitContact or Category or MediaAsset;
}
