using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Feeds;

public static class FeedsServices
{
    public static IServiceCollection AddPublicAddresses(this IServiceCollection services) => services.AddScoped<PublicAddresses>();
}
