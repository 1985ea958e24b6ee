using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Plans;

public static class PlansServices
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddScoped<PlanCompliance>()
        .AddScoped<UnitContributions>()
        .AddScoped<PlanEditing>()
        .AddScoped<PublicPlans>();
}
