using CchcSite.Content.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Posts;

public static class PostsServices
{
    public static IServiceCollection AddPosts(this IServiceCollection services) => services
        .AddScoped<PublishedPosts>()
        .AddScoped<Proposals.PostProposals>()
        .AddScoped<EditorPosts>()
        .AddScoped<PostEditing>()
        .AddScoped<ScheduledPublishing>()
        .AddSingleton<PostCardCache>()
        .AddSingleton<IContentChangeListener>(provider => provider.GetRequiredService<PostCardCache>());
}
