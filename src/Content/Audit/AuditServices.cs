using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Audit;

public static class AuditServices
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditLog>();
}
