using CchcSite.Content.Questions;

namespace CchcSite.Content.Tests.Questions;

public class DeadlineTests
{
    [Theory]
    [InlineData("2022-06-15", 1, "2022-06-16")]  // Wednesday → Thursday
    [InlineData("2022-06-17", 1, "2022-06-20")]  // Friday → Monday
    [InlineData("2022-06-18", 1, "2022-06-20")]  // Saturday → Monday
    [InlineData("2022-06-15", 15, "2022-07-06")] // three weeks of five working days
    [InlineData("2022-06-19", 5, "2022-06-24")]  // Sunday → the Friday after
    public void Working_days_skip_weekends_and_never_count_the_start_day(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), WorkingDays.Add(DateOnly.Parse(start), days));

    [Theory]
    [InlineData("2022-06-15", "2022-06-15", 0)]
    [InlineData("2022-06-15", "2022-06-20", 3)]  // Thu, Fri, Mon
    [InlineData("2022-06-17", "2022-06-20", 1)]  // the weekend does not count
    [InlineData("2022-06-20", "2022-06-17", -1)] // one working day late
    [InlineData("2022-06-27", "2022-06-17", -6)]
    public void Days_left_count_working_days_and_go_negative_when_late(string today, string due, int expected) =>
        Assert.Equal(expected, WorkingDays.Between(DateOnly.Parse(today), DateOnly.Parse(due)));

    [Fact]
    public async Task A_submission_is_due_the_configured_number_of_working_days_after_its_Vietnamese_day()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        // 20:00 UTC on Friday 17 June is already Saturday 18 June in Vietnam: the count starts from Saturday.
        site.Database.Clock.SetUtcNow(new DateTimeOffset(2022, 6, 17, 20, 0, 0, TimeSpan.Zero));
        site.Options.ResponseWorkingDays = 15;
        var item = await site.SubmitAsync();
        Assert.Equal(new DateOnly(2022, 7, 8), item.DueOn);

        site.Options.ResponseWorkingDays = 2;
        Assert.Equal(new DateOnly(2022, 6, 21), (await site.SubmitAsync()).DueOn);
    }

    [Fact]
    public async Task The_inbox_shows_days_left_from_the_clock_and_lists_overdue_items()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        site.Options.ResponseWorkingDays = 2; // received Wednesday 15 June: due Friday 17 June
        var item = await site.SubmitAsync();
        await using var db = site.Database.NewContext();
        var filter = new InboxFilter(null);

        var row = Assert.Single((await site.Inbox(db).ListAsync(filter, CancellationToken.None)).Items);
        Assert.Equal(2, row.WorkingDaysLeft);
        Assert.Empty((await site.Inbox(db).ListAsync(filter with { View = InboxView.Overdue }, CancellationToken.None)).Items);

        site.Database.Clock.Advance(TimeSpan.FromDays(5)); // Monday 20 June
        row = Assert.Single((await site.Inbox(db).ListAsync(filter with { View = InboxView.Overdue }, CancellationToken.None)).Items);
        Assert.Equal(item.Id, row.Id);
        Assert.Equal(-1, row.WorkingDaysLeft);
        Assert.True(row.IsOverdue);
    }
}
