using CchcSite.Content.Text;
using Microsoft.Extensions.Time.Testing;

namespace CchcSite.Content.Tests;

public class VietnamTimeTests
{
    /// <summary>From 17:00 UTC on 31 December it is already the new year in Vietnam (the search page's year filter needs it).</summary>
    [Theory]
    [InlineData("2026-12-31T16:59:59Z", "2026-12-31")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-01")]
    [InlineData("2026-12-31T23:59:59Z", "2027-01-01")]
    public void Today_is_the_day_in_vietnam_not_in_utc(string utc, string vietnam)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(vietnam, System.Globalization.CultureInfo.InvariantCulture), VietnamTime.Today(clock));
    }
}
