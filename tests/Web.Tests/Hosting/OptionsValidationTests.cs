using CchcSite.Testing;

namespace CchcSite.Web.Tests.Hosting;

/// <summary>Every setting is checked when the site starts: a bad value stops it, before the database is touched, with the setting's name.</summary>
public sealed class OptionsValidationTests
{
    private sealed class SiteWith(string key, string value) : SiteFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
    }

    [Theory]
    [InlineData("Media:MaxImagePixels", "-1", "Media:MaxImagePixels must be a positive number of pixels; it is '-1'.")]
    [InlineData("Media:MaxFileBytes", "100000000", "Media:MaxFileBytes must be a number of bytes from 1 to")]
    [InlineData("Site:PublicUrl", "ftp://x", "Site:PublicUrl must be an absolute http or https address")]
    [InlineData("Site:Name", "", "Site:Name must name the site")]
    [InlineData("Search:IndexPath", "", "Search:IndexPath must be a folder")]
    [InlineData("Questions:ResponseWorkingDays", "0", "Questions:ResponseWorkingDays must be a number of working days from 1 to 365; it is '0'.")]
    [InlineData("Questions:TrackingLookupsPerMinute", "0", "Questions:TrackingLookupsPerMinute must be a positive number; it is '0'.")]
    [InlineData("Editor:LoginAttemptsPerMinute", "-5", "Editor:LoginAttemptsPerMinute must be a positive number; it is '-5'.")]
    [InlineData("Imports:MaxRows", "0", "Imports:MaxRows must be a positive number; it is '0'.")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example", "ForwardedHeaders:KnownProxies holds 'proxy.example', which is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks holds '10.0.0.0/99', which is not a CIDR range")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be a TCP port from 1 to 65535; it is '70000'.")]
    [InlineData("Smtp:Host", "mail.example.gov.vn", "Smtp:From must be the sender's address")]
    [InlineData("Media:MaxImageBytes", "mười", "'Media:MaxImageBytes'")]
    [InlineData("BackgroundJobs:DelaySeconds", "-1", "BackgroundJobs:DelaySeconds must be a number of seconds from 0 to 300; it is '-1'.")]
    [InlineData("IdleTrim:QuietSeconds", "3601", "IdleTrim:QuietSeconds must be a number of seconds from 0 (never) to 3600; it is '3601'.")]
    public void A_bad_setting_stops_the_start_with_a_message_naming_it(string key, string value, string message)
    {
        using var site = new SiteWith(key, value);

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(Messages(error), m => m.Contains(message, StringComparison.Ordinal));
        Assert.False(site.DatabaseCreated, "The database must not be created or migrated under a bad setting.");
    }

    private static IEnumerable<string> Messages(Exception error) => error switch
    {
        AggregateException all => all.InnerExceptions.SelectMany(Messages).Prepend(all.Message),
        { InnerException: { } inner } => Messages(inner).Prepend(error.Message),
        _ => [error.Message],
    };
}
