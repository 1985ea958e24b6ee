using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Accounts;

/// <summary>The accounts' own rules; Identity itself (stores, cookies, the password validator) is the web host's.</summary>
public static class AccountsServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services
        .AddScoped<AccountAdministration>()
        .AddScoped<SignInAttempts>()
        .AddScoped<UserGrantsReader>();
}
