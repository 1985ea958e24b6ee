using CchcSite.Content.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Procedures;

public static class ProceduresServices
{
    public static IServiceCollection AddProcedures(this IServiceCollection services) => services
        .AddSingleton<ISearchSource, ProcedureSearchSource>()
        .AddScoped<PublicProcedures>()
        .AddScoped<ProcedureLookup>()
        .AddScoped<ProcedureEditing>()
        .AddScoped<ProcedureImport>();
}
