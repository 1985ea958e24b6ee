using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Reports;

public static class ReportsServices
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddSettings<ReportReminderOptions>(ReportReminderOptions.Section).Services
        .AddScoped<PeriodicReports>()
        .AddScoped<ReportSubmissions>()
        .AddScoped<ReportContacts>()
        .AddScoped<ReportReminders>()
        // The report's sections, in the order the report shows them; a new section is one more line here.
        .AddScoped<IReportSection, PostsByKindSection>()
        .AddScoped<IReportSection, PostsByCategorySection>()
        .AddScoped<IReportSection, PlanItemsSection>()
        .AddScoped<IReportSection, MonthlyQuotaSection>()
        .AddScoped<IReportSection, SubmissionsSection>()
        .AddScoped<IReportSection, ProposalsUpwardSection>()
        .AddScoped<IReportSection, ContestParticipationSection>();
}
