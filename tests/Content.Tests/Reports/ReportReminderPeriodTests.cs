using CchcSite.Content.Reports;

namespace CchcSite.Content.Tests.Reports;

/// <summary>Which reports a unit is reminded of on a given day: due within the lead time, or late within the window.</summary>
public sealed class ReportReminderPeriodTests
{
    private static string[] On(int year, int month, int day, int lead = 7, int late = 30) =>
        [.. ReportReminders.PeriodsOn(new DateOnly(year, month, day), lead, late).Select(p => $"{p.Kind}: {p.Period.Label}")];

    [Fact]
    public void The_due_day_itself_and_the_lead_time_before_it_are_due_soon_and_the_day_before_the_lead_time_is_not()
    {
        Assert.Equal(["DueSoon: Quý II năm 2027", "DueSoon: 6 tháng đầu năm 2027"], On(2027, 6, 15));
        Assert.Equal(["DueSoon: Quý II năm 2027", "DueSoon: 6 tháng đầu năm 2027"], On(2027, 6, 8));
        Assert.Empty(On(2027, 6, 7));
    }

    [Fact]
    public void The_day_after_the_due_day_is_late_until_the_window_closes()
    {
        Assert.Equal(["Late: Quý I năm 2027"], On(2027, 3, 16));
        Assert.Equal(["Late: Quý I năm 2027"], On(2027, 4, 14));
        Assert.Empty(On(2027, 4, 15));
    }

    [Fact]
    public void A_late_december_report_is_reminded_in_the_next_january()
    {
        Assert.Equal(["Late: Quý IV năm 2026", "Late: Năm 2026"], On(2027, 1, 10));
    }

    [Fact]
    public void A_longer_lead_time_reaches_further_before_the_due_day()
    {
        Assert.Empty(On(2027, 9, 1));
        Assert.Equal(["DueSoon: Quý III năm 2027"], On(2027, 9, 1, lead: 14));
    }
}
