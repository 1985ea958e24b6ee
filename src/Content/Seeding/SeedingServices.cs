using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Seeding;

public static class SeedingServices
{
    public static IServiceCollection AddSeeding(this IServiceCollection services) =>
        services.AddScoped<SeedImporter>().AddScoped<LaterSeedStages>().AddScoped<SampleDataSeeder>();
}
