using CchcSite.Content.Plans;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Tests.Plans;

/// <summary>The status rules, with the clock and the posts' times chosen around Vietnam's month boundaries (UTC+7).</summary>
public class PlanRulesTests
{
    private static readonly YearMonth April = new(2022, 4);

    private static LinkedPost PublishedAt(int year, int month, int day, int hour, int minute = 0) =>
        new(1, 1, "Bài", PostKind.Article, new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc));

    private static ItemStatus Single(IReadOnlyList<int> months, YearMonth current, params LinkedPost[] posts) =>
        PlanRules.Evaluate(PlanTiming.Months, months, 2022, posts, current).Single().Status;

    [Fact]
    public void A_month_begins_at_midnight_in_Vietnam_which_is_17_00_UTC_the_day_before()
    {
        Assert.Equal(new DateTime(2022, 3, 31, 17, 0, 0, DateTimeKind.Utc), April.StartUtc);
        Assert.Equal(new YearMonth(2022, 3), YearMonth.Of(new DateTime(2022, 3, 31, 16, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(April, YearMonth.Of(new DateTime(2022, 3, 31, 17, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_post_at_23_59_Vietnam_time_on_the_last_day_is_done_and_one_minute_later_is_late()
    {
        Assert.Equal(ItemStatus.Done, Single([3], April, PublishedAt(2022, 3, 31, 16, 59)));
        Assert.Equal(ItemStatus.Late, Single([3], April, PublishedAt(2022, 3, 31, 17, 0)));
    }

    [Fact]
    public void Without_a_post_a_past_month_is_overdue_the_current_month_is_due_and_a_later_month_is_upcoming()
    {
        Assert.Equal(ItemStatus.Overdue, Single([3], April));
        Assert.Equal(ItemStatus.DueThisMonth, Single([4], April));
        Assert.Equal(ItemStatus.Upcoming, Single([5], April));
    }

    [Fact]
    public void A_post_published_before_its_month_counts_as_done_and_a_late_one_keeps_the_item_late_not_overdue()
    {
        Assert.Equal(ItemStatus.Done, Single([3], April, PublishedAt(2022, 2, 10, 3)));
        var late = PlanRules.Evaluate(PlanTiming.Months, [3], 2022, [PublishedAt(2022, 4, 2, 3)], new YearMonth(2022, 6)).Single();
        Assert.Equal(ItemStatus.Late, late.Status);
        Assert.Single(late.Posts);
    }

    [Fact]
    public void An_item_due_in_two_months_needs_a_post_for_each_one()
    {
        var occurrences = PlanRules.Evaluate(PlanTiming.Months, [6, 3], 2022, [PublishedAt(2022, 2, 10, 3), PublishedAt(2022, 7, 5, 3)], new YearMonth(2022, 8));
        Assert.Equal([(new YearMonth(2022, 3), ItemStatus.Done), (new YearMonth(2022, 6), ItemStatus.Late)],
            occurrences.Select(o => (o.Month!.Value, o.Status)));
    }

    [Fact]
    public void An_ongoing_item_is_judged_month_by_month_and_a_post_never_serves_two_months()
    {
        var occurrences = PlanRules.Evaluate(PlanTiming.Monthly, [], 2022,
            [PublishedAt(2022, 1, 10, 3), PublishedAt(2022, 3, 31, 16, 30), PublishedAt(2022, 3, 31, 17, 30)], April);
        Assert.Equal(12, occurrences.Count);
        Assert.Equal([ItemStatus.Done, ItemStatus.Overdue, ItemStatus.Done, ItemStatus.Done, ItemStatus.Upcoming],
            occurrences.Take(5).Select(o => o.Status));
        Assert.Single(occurrences[3].Posts);
        Assert.All(occurrences.Skip(4), o => Assert.Equal(ItemStatus.Upcoming, o.Status));
    }

    [Fact]
    public void A_row_done_when_the_occasion_arises_has_no_month_to_miss()
    {
        var occurrence = PlanRules.Evaluate(PlanTiming.WhenArises, [], 2022, [], new YearMonth(2023, 1)).Single();
        Assert.Equal((null, ItemStatus.WhenArises), (occurrence.Month, occurrence.Status));
    }

    [Theory]
    [InlineData(3, 1, QuotaStatus.Met)]
    [InlineData(3, 0, QuotaStatus.Missing)]
    [InlineData(4, 0, QuotaStatus.Missing)]
    [InlineData(5, 0, QuotaStatus.Upcoming)]
    [InlineData(5, 1, QuotaStatus.Met)]
    public void The_monthly_rule_is_met_by_one_post_missing_once_the_month_has_begun_and_upcoming_before(int month, int posts, QuotaStatus expected) =>
        Assert.Equal(expected, PlanRules.Quota(new YearMonth(2022, month), posts, April));

    [Theory]
    [InlineData("Tháng 01 năm 2022", PlanTiming.Months, new[] { 1 })]
    [InlineData("Tháng 3, 6 và 9", PlanTiming.Months, new[] { 3, 6, 9 })]
    [InlineData("1; 7", PlanTiming.Months, new[] { 1, 7 })]
    [InlineData("Thường xuyên", PlanTiming.Monthly, new int[0])]
    [InlineData("thuong xuyen", PlanTiming.Monthly, new int[0])]
    [InlineData("Sau khi nhận được quyết định công bố của UBND tỉnh", PlanTiming.WhenArises, new int[0])]
    public void Timing_is_read_as_plans_write_it(string text, PlanTiming timing, int[] months)
    {
        var parsed = PlanTimingText.Parse(text);
        Assert.Null(parsed.Error);
        Assert.Equal(timing, parsed.Timing);
        Assert.Equal(months, parsed.Months);
    }

    [Theory]
    [InlineData("Tháng 13")]
    [InlineData("0, 5")]
    [InlineData("  ")]
    public void A_month_that_does_not_exist_or_no_timing_is_an_error(string text) =>
        Assert.NotNull(PlanTimingText.Parse(text).Error);
}
