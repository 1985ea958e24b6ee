using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Units;

public static class UnitsServices
{
    public static IServiceCollection AddUnits(this IServiceCollection services) => services
        .AddScoped<UnitDirectory>()
        .AddScoped<UnitAdministration>()
        .AddScoped<UnitProfiles>();
}
