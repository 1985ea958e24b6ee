using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Bulletins;

public static class BulletinsServices
{
    public static IServiceCollection AddBulletins(this IServiceCollection services) => services
        .AddScoped<BulletinEditing>()
        .AddScoped<PublicBulletins>();
}
