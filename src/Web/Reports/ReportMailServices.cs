using CchcSite.Web.Mail;
using CchcSite.Web.Subscriptions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CchcSite.Web.Reports;

public static class ReportMailServices
{
    /// <summary>The mail of reports sent upward: the notices and the reminder worker. The SMTP settings are the receipts'.</summary>
    public static IServiceCollection AddReportMail(this IServiceCollection services)
    {
        // The theme's mail templates; the subscriptions register the same renderer.
        services.TryAddScoped<MailTemplates>();
        services.AddScoped<NoticeMailer>();
        services.AddScoped<ReportNotices>();
        services.AddSingleton<ReportReminderJob>();
        services.AddHostedService(provider => provider.GetRequiredService<ReportReminderJob>());
        return services;
    }
}
