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
        PlanRules.Evaluate(PlanTiming.Months, months, null, 2022, posts, current.StartUtc).Single().Status;

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
        var late = PlanRules.Evaluate(PlanTiming.Months, [3], null, 2022, [PublishedAt(2022, 4, 2, 3)], new YearMonth(2022, 6).StartUtc).Single();
        Assert.Equal(ItemStatus.Late, late.Status);
        Assert.Single(late.Posts);
    }

    [Fact]
    public void An_item_due_in_two_months_needs_a_post_for_each_one()
    {
        var occurrences = PlanRules.Evaluate(PlanTiming.Months, [6, 3], null, 2022, [PublishedAt(2022, 2, 10, 3), PublishedAt(2022, 7, 5, 3)], new YearMonth(2022, 8).StartUtc);
        Assert.Equal([(new YearMonth(2022, 3), ItemStatus.Done), (new YearMonth(2022, 6), ItemStatus.Late)],
            occurrences.Select(o => (o.Month!.Value, o.Status)));
    }

    [Fact]
    public void An_ongoing_item_is_judged_month_by_month_and_a_post_never_serves_two_months()
    {
        var occurrences = PlanRules.Evaluate(PlanTiming.Monthly, [], null, 2022,
            [PublishedAt(2022, 1, 10, 3), PublishedAt(2022, 3, 31, 16, 30), PublishedAt(2022, 3, 31, 17, 30)], April.StartUtc);
        Assert.Equal(12, occurrences.Count);
        Assert.Equal([ItemStatus.Done, ItemStatus.Overdue, ItemStatus.Done, ItemStatus.Done, ItemStatus.Upcoming],
            occurrences.Take(5).Select(o => o.Status));
        Assert.Single(occurrences[3].Posts);
        Assert.All(occurrences.Skip(4), o => Assert.Equal(ItemStatus.Upcoming, o.Status));
    }

    [Fact]
    public void An_ongoing_row_of_a_plan_issued_in_March_is_due_from_March()
    {
        var occurrences = PlanRules.Evaluate(PlanTiming.Monthly, [], null, 2024, [], new YearMonth(2024, 5).StartUtc, firstMonth: 3);
        Assert.Equal(Enumerable.Range(3, 10), occurrences.Select(o => o.Month!.Value.Month));
        Assert.Equal([ItemStatus.Overdue, ItemStatus.Overdue, ItemStatus.DueThisMonth], occurrences.Take(3).Select(o => o.Status));
    }

    [Fact]
    public void A_row_done_when_the_occasion_arises_has_no_month_to_miss()
    {
        var occurrence = PlanRules.Evaluate(PlanTiming.WhenArises, [], null, 2022, [], new YearMonth(2023, 1).StartUtc).Single();
        Assert.Equal((null, ItemStatus.WhenArises), (occurrence.Month, occurrence.Status));
    }

    /// <summary>"Sáu tháng (trước ngày 15/6)": 15 June ends at 17:00 UTC.</summary>
    private static ItemOccurrence ByThe15th(DateTime nowUtc, params LinkedPost[] posts) =>
        PlanRules.Evaluate(PlanTiming.Months, [6], 15, 2022, posts, nowUtc).Single();

    [Fact]
    public void A_row_due_by_a_day_is_done_up_to_the_end_of_that_day_in_Vietnam_and_late_after_it()
    {
        var july = new YearMonth(2022, 7).StartUtc;
        Assert.Equal(ItemStatus.Done, ByThe15th(july, PublishedAt(2022, 6, 15, 16, 59)).Status);
        Assert.Equal(ItemStatus.Late, ByThe15th(july, PublishedAt(2022, 6, 15, 17, 0)).Status);
        Assert.Equal(new DateOnly(2022, 6, 15), ByThe15th(july).DueOn);
    }

    [Fact]
    public void A_row_due_by_a_day_is_overdue_from_the_next_day_although_its_month_is_not_over()
    {
        Assert.Equal(ItemStatus.Upcoming, ByThe15th(new DateTime(2022, 5, 31, 16, 0, 0, DateTimeKind.Utc)).Status);
        Assert.Equal(ItemStatus.DueThisMonth, ByThe15th(new DateTime(2022, 6, 15, 16, 59, 0, DateTimeKind.Utc)).Status);
        Assert.Equal(ItemStatus.Overdue, ByThe15th(new DateTime(2022, 6, 15, 17, 0, 0, DateTimeKind.Utc)).Status);
    }

    [Fact]
    public void Each_quarter_of_a_quarterly_duty_needs_its_own_report_by_its_deadline()
    {
        var occurrences = PlanRules.Evaluate(PlanTiming.Months, [3, 6, 9, 12], 15, 2022,
            [PublishedAt(2022, 3, 10, 3), PublishedAt(2022, 6, 20, 3)], new YearMonth(2022, 10).StartUtc);
        Assert.Equal([ItemStatus.Done, ItemStatus.Late, ItemStatus.Overdue, ItemStatus.Upcoming], occurrences.Select(o => o.Status));
        Assert.Equal([15, 15, 15, 15], occurrences.Select(o => o.DueOn!.Value.Day));
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
    [InlineData("Hằng quý, trước ngày 15 của tháng cuối quý", new[] { 3, 6, 9, 12 }, 15)]
    [InlineData("Định kỳ hàng quý", new[] { 3, 6, 9, 12 }, null)]
    [InlineData("Sáu tháng, trước ngày 15/6", new[] { 6 }, 15)]
    [InlineData("Trước ngày 15/6 và 15/12", new[] { 6, 12 }, 15)]
    [InlineData("Ngày 20 tháng 3 năm 2024", new[] { 3 }, 20)]
    public void Reporting_duties_are_read_with_their_months_and_the_day_they_are_due_by(string text, int[] months, int? day)
    {
        var parsed = PlanTimingText.Parse(text);
        Assert.Null(parsed.Error);
        Assert.Equal((PlanTiming.Months, day), (parsed.Timing, parsed.DueDay));
        Assert.Equal(months, parsed.Months);
    }

    [Fact]
    public void The_word_quy_of_quy_dinh_is_not_a_quarter() =>
        Assert.Equal(PlanTiming.WhenArises, PlanTimingText.Parse("Theo quy định").Timing);

    [Theory]
    [InlineData("Trước ngày 15/6 và 20/12")]
    [InlineData("Trước ngày 31/3")]
    [InlineData("Hằng quý, trước ngày 30")]
    [InlineData("Trước ngày 15/13")]
    public void A_deadline_that_is_not_one_day_from_1_to_28_of_a_real_month_is_an_error(string text) =>
        Assert.NotNull(PlanTimingText.Parse(text).Error);

    [Theory]
    [InlineData("Tháng 13")]
    [InlineData("0, 5")]
    [InlineData("  ")]
    public void A_month_that_does_not_exist_or_no_timing_is_an_error(string text) =>
        Assert.NotNull(PlanTimingText.Parse(text).Error);
}
