using CchcSite.Content.DossierResults;

namespace CchcSite.Content.Tests.DossierResults;

/// <summary>The rates and the sums over a period, as the page, the box and the API show them.</summary>
public class DossierFiguresTests
{
    private static DossierFigures Month(int received, int online, int onTime, int late, int pendingIn, int pendingOver, int apologies = 0) => new()
    {
        Received = received, ReceivedOnline = online, ResolvedOnTime = onTime, ResolvedLate = late, PendingInTime = pendingIn, PendingOverdue = pendingOver,
        Apologies = apologies,
    };

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(10, 0, 100.0)]
    [InlineData(0, 4, 0.0)]
    [InlineData(197, 3, 98.5)]
    [InlineData(2, 1, 66.7)]
    public void The_on_time_rate_is_on_time_among_resolved_to_one_decimal_and_none_when_nothing_was_resolved(int onTime, int late, double? expected)
    {
        var figures = Month(0, 0, onTime, late, 0, 0);
        Assert.Equal(expected is null ? null : (decimal)expected, figures.OnTimeRate);
        Assert.Equal(onTime + late, figures.Resolved);
    }

    [Fact]
    public void The_online_rate_is_online_among_received_and_none_when_nothing_was_received()
    {
        Assert.Equal(61.5m, Month(200, 123, 0, 0, 0, 0).OnlineRate);
        Assert.Null(Month(0, 0, 5, 0, 0, 0).OnlineRate);
    }

    [Fact]
    public void The_year_to_date_sums_the_flows_and_takes_the_pending_dossiers_of_the_last_month()
    {
        var months = new[] { Month(100, 40, 90, 2, 12, 1, 1), Month(120, 60, 110, 0, 20, 0), Month(80, 50, 95, 5, 4, 2, 6) };

        var total = DossierFigures.Over(months);

        Assert.Equal(300, total.Received);
        Assert.Equal(150, total.ReceivedOnline);
        Assert.Equal(295, total.ResolvedOnTime);
        Assert.Equal(7, total.ResolvedLate);
        Assert.Equal(7, total.Apologies);
        // A dossier waiting at the end of January and February is one dossier, not three: the state at the end of March.
        Assert.Equal(4, total.PendingInTime);
        Assert.Equal(2, total.PendingOverdue);
        Assert.Equal(97.7m, total.OnTimeRate);
    }

    [Fact]
    public void Fields_of_one_month_add_up_every_count_and_an_empty_period_is_all_zero()
    {
        var sum = DossierFigures.Sum([Month(10, 5, 8, 1, 3, 1, 1), Month(20, 2, 18, 0, 4, 0)]);
        Assert.Equal(Month(30, 7, 26, 1, 7, 1, 1), sum);
        Assert.Equal(new DossierFigures(), DossierFigures.Over([]));
        Assert.Null(DossierFigures.Over([]).OnTimeRate);
    }
}
