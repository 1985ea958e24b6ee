using CchcSite.Content.Surveys;
using CchcSite.Web.Surveys;

namespace CchcSite.Web.Tests.Surveys;

/// <summary>The officers' chart of responses over time: every day from the first response to the last, by day, week or month.</summary>
public sealed class SurveyResponsesOverTimeTests
{
    private static DayCount On(int month, int day, int responses) => new(new DateOnly(2024, month, day), responses);

    [Fact]
    public void Up_to_two_weeks_a_bar_per_day_with_the_days_without_responses_counted_as_none()
    {
        var periods = SurveyResultsViewComponent.Periods([On(9, 5, 2), On(9, 3, 4)]);
        Assert.Equal([new("03/09/2024", 4), new("04/09/2024", 0), new("05/09/2024", 2)], periods);
        Assert.Empty(SurveyResultsViewComponent.Periods([]));
        Assert.Null(SurveyResultsViewComponent.OverTimeFigure([]));
    }

    [Fact]
    public void Beyond_two_weeks_a_bar_per_seven_days_from_the_first_and_beyond_half_a_year_a_bar_per_month()
    {
        // 3/9 to 20/9 is 18 days: 3–9, 10–16, 17–20 (the last period shorter).
        var weeks = SurveyResultsViewComponent.Periods([On(9, 3, 1), On(9, 9, 2), On(9, 10, 5), On(9, 20, 3)]);
        Assert.Equal([new("03/09 – 09/09/2024", 3), new("10/09 – 16/09/2024", 5), new("17/09 – 20/09/2024", 3)], weeks);
        var figure = SurveyResultsViewComponent.OverTimeFigure([On(9, 3, 1), On(9, 9, 2), On(9, 10, 5), On(9, 20, 3)])!;
        Assert.Equal("Số phiếu trả lời theo tuần", figure.Chart.Title);
        Assert.Equal("Tuần", figure.Chart.LabelHeader);
        Assert.Contains("10/09 – 16/09/2024: 5 phiếu", figure.Svg.Value);

        // 15/3 to 2/10: 202 days, more than 26 weeks.
        var months = SurveyResultsViewComponent.Periods([On(3, 15, 7), On(3, 31, 1), On(7, 1, 4), On(10, 2, 2)]);
        Assert.Equal([new("Tháng 03/2024", 8), new("Tháng 04/2024", 0), new("Tháng 05/2024", 0), new("Tháng 06/2024", 0), new("Tháng 07/2024", 4),
            new("Tháng 08/2024", 0), new("Tháng 09/2024", 0), new("Tháng 10/2024", 2)], months);
    }
}
