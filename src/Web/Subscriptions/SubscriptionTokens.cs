using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

using CchcSite.Content.Subscriptions;

namespace CchcSite.Web.Subscriptions;

/// <summary>
/// The signed links of a subscription: confirm (expires with <see cref="Subscription.ConfirmBy"/>) and manage/unsubscribe
/// (no expiry: every message carries one). Data Protection encrypts and signs them with the site's keys, which every node
/// reads from the database, so a link reveals nothing (not even the id) and cannot be forged or altered; it names the
/// subscription's <see cref="Subscription.Stamp"/>, so it dies when the subscription is asked for anew.
/// </summary>
public sealed class SubscriptionTokens(IDataProtectionProvider provider)
{
    private readonly ITimeLimitedDataProtector _confirm = provider.CreateProtector("CchcSite.Subscriptions.Confirm").ToTimeLimitedDataProtector();
    private readonly IDataProtector _manage = provider.CreateProtector("CchcSite.Subscriptions.Manage");

    public string Confirmation(Subscription subscription) =>
        _confirm.Protect(Payload(subscription), new DateTimeOffset(DateTime.SpecifyKind(subscription.ConfirmBy, DateTimeKind.Utc)));

    public string Manage(Subscription subscription) => _manage.Protect(Payload(subscription));

    /// <summary>The subscription a confirmation link names; null when the link is altered, foreign or expired.</summary>
    public (int Id, Guid Stamp)? ReadConfirmation(string? token) => Read(token, t => _confirm.Unprotect(t, out _));

    public (int Id, Guid Stamp)? ReadManage(string? token) => Read(token, _manage.Unprotect);

    private static string Payload(Subscription subscription) => $"{subscription.Id}:{subscription.Stamp:N}";

    private static (int, Guid)? Read(string? token, Func<string, string> unprotect)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
            return null;
        try
        {
            var parts = unprotect(token).Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], out var id) && Guid.TryParseExact(parts[1], "N", out var stamp) ? (id, stamp) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
