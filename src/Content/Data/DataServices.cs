using CchcSite.Content.Posts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CchcSite.Content.Data;

public static class DataServices
{
    /// <summary>The context on the given database, watched by the one change tracker, and the clock everything reads.</summary>
    public static IServiceCollection AddContentData(this IServiceCollection services, ContentDatabase database)
    {
        // A test replaces it with a fake clock; everything that asks for the time asks this.
        services.TryAddSingleton(TimeProvider.System);
        // One tracker for every context: it writes the search outbox and tells the IContentChangeListeners after each commit.
        services.AddSingleton<ContentChangeTracker>();
        // Renders a post's Markdown as the save that changes it is made (Post.BodyHtml).
        services.AddSingleton<StoredPostBodies>();
        database.Register(services);
        return services;
    }
}
