using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Subscriptions;

public static class SubscriptionsServices
{
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddSettings<SubscriptionOptions>(SubscriptionOptions.Section);
        return services
            .AddScoped<SubscriptionBook>()
            .AddScoped<SubscriptionAlerts>()
            .AddScoped<DeliveryQueue>();
    }
}
