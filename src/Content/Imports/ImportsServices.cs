using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Imports;

public static class ImportsServices
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddSettings<TableLimits>(TableLimits.Section);
        return services;
    }
}
