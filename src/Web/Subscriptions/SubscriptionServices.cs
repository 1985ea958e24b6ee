using CchcSite.Content.Data;
using CchcSite.Content.Subscriptions;
using CchcSite.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CchcSite.Web.Subscriptions;

/// <summary>Subscribe requests per client address and hour: each sends a mail to an address someone typed.</summary>
public sealed class SubscribeLimiter(AddressQuotas quotas, IOptions<SubscriptionOptions> options)
{
    public const string Message = "Bạn đã gửi quá nhiều yêu cầu đăng ký trong một giờ. Vui lòng thử lại sau.";

    public bool TryAcquire(HttpContext context) => quotas.TryAcquire(context, "dang-ky", options.Value.RequestsPerHour, TimeSpan.FromHours(1));
}

/// <summary>
/// Rings the <see cref="SubscriptionSender"/> on every committed content change, here or on another node: a publish writes
/// its alert in the same transaction, so the alert is there to queue when the sender wakes. Changes that alert nobody
/// (a draft saved) cost the sender a look at an empty queue, which is what its poll did every few seconds before.
/// </summary>
public sealed class AlertWakeup : Wakeup, IContentChangeListener
{
    public ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
    {
        if (!changes.IsEmpty)
            Wake();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The host's part of e-mail subscriptions; the subscriptions themselves are Content's (AddCchcContent). The SMTP settings
/// are the receipts' (AddSubmissionIntake binds them).
/// </summary>
public static class SubscriptionServices
{
    public static IServiceCollection AddSubscriptionMail(this IServiceCollection services)
    {
        services.AddAddressQuotas();
        services.AddSingleton<SubscribeLimiter>();
        services.AddScoped<MailTemplates>();
        services.AddScoped<SubscriptionTokens>();
        services.AddScoped<SubscriptionMailer>();
        services.AddScoped<SubscriptionMessages>();
        services.AddSingleton<AlertWakeup>();
        services.AddSingleton<IContentChangeListener>(provider => provider.GetRequiredService<AlertWakeup>());
        services.AddSingleton<SubscriptionSender>();
        services.AddHostedService(provider => provider.GetRequiredService<SubscriptionSender>());
        return services;
    }
}
