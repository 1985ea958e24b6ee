using CchcSite.Web.Hosting;

namespace CchcSite.Web.Tests.Security;

/// <summary>The fixed windows behind every rate limit of the site, on a clock the test moves.</summary>
public sealed class AddressQuotasTests
{
    private readonly MovableClock _clock = new();

    [Fact]
    public void A_window_allows_its_limit_then_refuses_until_it_ends()
    {
        var quotas = new AddressQuotas(_clock);
        for (var i = 0; i < 3; i++)
            Assert.True(quotas.TryAcquire("dang-nhap", "203.0.113.7", 3, TimeSpan.FromMinutes(1)));
        Assert.False(quotas.TryAcquire("dang-nhap", "203.0.113.7", 3, TimeSpan.FromMinutes(1)));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(quotas.TryAcquire("dang-nhap", "203.0.113.7", 3, TimeSpan.FromMinutes(1)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(quotas.TryAcquire("dang-nhap", "203.0.113.7", 3, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Addresses_and_quotas_have_windows_of_their_own()
    {
        var quotas = new AddressQuotas(_clock);
        Assert.True(quotas.TryAcquire("dang-ky", "203.0.113.7", 1, TimeSpan.FromHours(1)));
        Assert.False(quotas.TryAcquire("dang-ky", "203.0.113.7", 1, TimeSpan.FromHours(1)));

        Assert.True(quotas.TryAcquire("dang-ky", "203.0.113.8", 1, TimeSpan.FromHours(1)));
        Assert.True(quotas.TryAcquire("gui-cau-hoi", "203.0.113.7", 1, TimeSpan.FromHours(1)));
        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(quotas.TryAcquire("dang-ky", "203.0.113.7", 1, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Ended_windows_are_dropped_and_running_ones_kept()
    {
        var quotas = new AddressQuotas(_clock);
        for (var i = 0; i < 1000; i++)
            quotas.TryAcquire("khao-sat", $"198.51.100.{i % 250}/{i}", 5, TimeSpan.FromMinutes(1));
        quotas.TryAcquire("dang-ky", "203.0.113.7", 1, TimeSpan.FromHours(1));
        Assert.Equal(1001, quotas.Count);

        // The next request after a minute sweeps: the minute windows have ended, the hour's has not and still refuses.
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(quotas.TryAcquire("dang-ky", "203.0.113.7", 1, TimeSpan.FromHours(1)));
        Assert.Equal(1, quotas.Count);
    }
}
