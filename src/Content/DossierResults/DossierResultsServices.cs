using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.DossierResults;

public static class DossierResultsServices
{
    public static IServiceCollection AddDossierResults(this IServiceCollection services) => services
        .AddScoped<DossierStatistics>()
        .AddScoped<DossierImport>();
}
