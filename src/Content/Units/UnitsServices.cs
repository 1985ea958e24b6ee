using CchcSite.Content.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Units;

public static class UnitsServices
{
    public static IServiceCollection AddUnits(this IServiceCollection services) => services
        .AddSingleton<UnitTreeCache>()
        .AddSingleton<IContentChangeListener>(provider => provider.GetRequiredService<UnitTreeCache>())
        .AddScoped<UnitDirectory>()
        .AddScoped<UnitAdministration>()
        .AddScoped<UnitProfiles>();
}
