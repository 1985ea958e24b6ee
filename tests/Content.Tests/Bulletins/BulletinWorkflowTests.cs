using CchcSite.Content.Accounts;
using CchcSite.Content.Bulletins;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Tests.Bulletins;

/// <summary>The bulletin's steps: the post's permission table and two-person rule, the bulletin's own states.</summary>
public sealed class BulletinWorkflowTests
{
    private const int Unit = 7;

    private static BulletinIssue Issue(PostStatus status, string author = "lap", int entries = 1) => new()
    {
        UnitId = Unit, Number = 1, Year = 2025, Period = BulletinPeriod.Month, PeriodIndex = 3, Status = status, AuthorId = author, LastEditorId = author,
        Entries = [.. Enumerable.Range(1, entries).Select(i => new BulletinEntry { ItemId = i, Title = "Mục", Url = "/", Section = "Khác" })],
    };

    private static UserGrants User(string id, UnitRole role, int unit = Unit) => new(id, true, false, [(unit, role)]);

    [Theory]
    [InlineData(UnitRole.Editor, WorkflowStep.Submit, true)]
    [InlineData(UnitRole.Editor, WorkflowStep.Publish, false)]
    [InlineData(UnitRole.Approver, WorkflowStep.Publish, true)]
    [InlineData(UnitRole.Approver, WorkflowStep.Unpublish, true)]
    [InlineData(UnitRole.HotlineOfficer, WorkflowStep.Submit, false)]
    [InlineData(UnitRole.Editor, WorkflowStep.Unpublish, false)]
    public void Steps_are_asked_of_the_permission_table(UnitRole role, WorkflowStep step, bool allowed)
    {
        var from = step switch { WorkflowStep.Submit => PostStatus.Draft, WorkflowStep.Publish => PostStatus.InReview, _ => PostStatus.Published };
        Assert.Equal(allowed, BulletinWorkflow.Check(Issue(from), step, User("khac", role), false).Allowed);
        // The same role in another unit gives nothing.
        Assert.False(BulletinWorkflow.Check(Issue(from), step, User("khac", role, Unit + 1), false).Allowed);
    }

    [Fact]
    public void Nobody_approves_an_issue_they_compiled_unless_the_unit_allows_it_or_they_administer()
    {
        var approver = User("lap", UnitRole.Approver);
        var decision = BulletinWorkflow.Check(Issue(PostStatus.InReview, author: "lap"), WorkflowStep.Publish, approver, false);
        Assert.False(decision.Allowed);
        Assert.Contains("hai người", decision.Reason);
        Assert.True(BulletinWorkflow.Check(Issue(PostStatus.InReview, author: "lap"), WorkflowStep.Publish, approver, true).Allowed);
        Assert.True(BulletinWorkflow.Check(Issue(PostStatus.InReview, author: "lap"), WorkflowStep.Publish, new UserGrants("lap", true, true, []), false).Allowed);
    }

    [Fact]
    public void An_empty_issue_is_not_submitted_and_steps_follow_the_states()
    {
        var editor = User("lap", UnitRole.Editor);
        Assert.False(BulletinWorkflow.Check(Issue(PostStatus.Draft, entries: 0), WorkflowStep.Submit, editor, false).Allowed);
        Assert.False(BulletinWorkflow.Check(Issue(PostStatus.Draft), WorkflowStep.Publish, User("duyet", UnitRole.Approver), false).Allowed);
        Assert.False(BulletinWorkflow.Check(Issue(PostStatus.Draft), WorkflowStep.Archive, editor, false).Allowed);

        var issue = Issue(PostStatus.InReview);
        var at = new DateTime(2025, 4, 2, 3, 0, 0, DateTimeKind.Utc);
        BulletinWorkflow.Apply(issue, WorkflowStep.Publish, "duyet", at, null);
        Assert.Equal((PostStatus.Published, "duyet", at), (issue.Status, issue.ApproverId, issue.PublishedAt));
        BulletinWorkflow.Apply(issue, WorkflowStep.Unpublish, "duyet", at.AddDays(1), null);
        BulletinWorkflow.Apply(issue, WorkflowStep.BackToDraft, "lap", at.AddDays(2), null);
        Assert.Equal(PostStatus.Draft, issue.Status);
        Assert.True(BulletinWorkflow.IsEditable(issue));
    }

    [Theory]
    [InlineData(BulletinPeriod.Month, 2, 2024, "2024-02-01", "2024-02-29", "Tháng 2/2024")]
    [InlineData(BulletinPeriod.Quarter, 4, 2025, "2025-10-01", "2025-12-31", "Quý IV/2025")]
    public void Periods_are_calendar_days_in_words(BulletinPeriod period, int index, int year, string from, string to, string text)
    {
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to)), BulletinPeriods.Days(period, index, year));
        Assert.Equal(text, BulletinPeriods.Text(period, index, year));
        Assert.False(BulletinPeriods.IsValid(period, period == BulletinPeriod.Month ? 13 : 5, year));
    }
}
