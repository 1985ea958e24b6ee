using CchcSite.Content.Accounts;
using CchcSite.Content.Contests;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Tests.Contests;

/// <summary>The review of a contest, as rules: who takes which step from which state, and the two-person rule.</summary>
public sealed class ContestWorkflowTests
{
    private const int Unit = 7;
    private static readonly DateTime Now = new(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static UserGrants As(string id, UnitRole role) => new(id, IsActive: true, IsAdministrator: false, [(Unit, role)]);

    private static ContestReviewFacts Facts(ContestStatus status, int questions = 3, int entries = 0, DateTime? opensAt = null, bool selfPublishing = false) => new(
        new Contest
        {
            UnitId = Unit, Status = status, SubmittedById = "soan", LastEditorId = "sua",
            Rounds = [new ContestRound { Number = 1, OpensAt = opensAt ?? Now.AddDays(3), ClosesAt = Now.AddDays(10) }],
        }, questions, entries, selfPublishing);

    [Theory]
    [InlineData(ContestStatus.Draft, WorkflowStep.Submit, UnitRole.Editor, true)]
    [InlineData(ContestStatus.Draft, WorkflowStep.Publish, UnitRole.Approver, false)]
    [InlineData(ContestStatus.InReview, WorkflowStep.Publish, UnitRole.Editor, false)]
    [InlineData(ContestStatus.InReview, WorkflowStep.Publish, UnitRole.Approver, true)]
    [InlineData(ContestStatus.InReview, WorkflowStep.SendBack, UnitRole.Approver, true)]
    [InlineData(ContestStatus.InReview, WorkflowStep.SendBack, UnitRole.Editor, false)]
    [InlineData(ContestStatus.InReview, WorkflowStep.Submit, UnitRole.Editor, false)]
    [InlineData(ContestStatus.Published, WorkflowStep.BackToDraft, UnitRole.Approver, true)]
    [InlineData(ContestStatus.Published, WorkflowStep.BackToDraft, UnitRole.Editor, false)]
    [InlineData(ContestStatus.Published, WorkflowStep.Unpublish, UnitRole.Approver, false)]
    [InlineData(ContestStatus.Draft, WorkflowStep.Submit, UnitRole.HotlineOfficer, false)]
    [InlineData(ContestStatus.InReview, WorkflowStep.Publish, UnitRole.Overseer, false)]
    public void A_step_is_taken_only_from_its_state_by_a_role_allowed_it(ContestStatus status, WorkflowStep step, UnitRole role, bool allowed) =>
        Assert.Equal(allowed, ContestWorkflow.Check(Facts(status), step, As("khac", role), Now).Allowed);

    [Theory]
    [InlineData("soan")]
    [InlineData("sua")]
    public void The_submitter_or_last_editor_may_not_publish_unless_the_unit_allows_it_or_they_administer(string who)
    {
        var decision = ContestWorkflow.Check(Facts(ContestStatus.InReview), WorkflowStep.Publish, As(who, UnitRole.Approver), Now);
        Assert.False(decision.Allowed);
        Assert.StartsWith("Theo quy trình duyệt hai người", decision.Reason);
        // Returning one's own work is no approval.
        Assert.True(ContestWorkflow.Check(Facts(ContestStatus.InReview), WorkflowStep.SendBack, As(who, UnitRole.Approver), Now).Allowed);
        Assert.True(ContestWorkflow.Check(Facts(ContestStatus.InReview, selfPublishing: true), WorkflowStep.Publish, As(who, UnitRole.Approver), Now).Allowed);
        Assert.True(ContestWorkflow.Check(Facts(ContestStatus.InReview), WorkflowStep.Publish, new UserGrants(who, true, true, []), Now).Allowed);
    }

    [Fact]
    public void An_empty_bank_is_not_submitted_and_a_contest_goes_back_to_draft_only_before_its_first_round_opens_and_anyone_enters()
    {
        var approver = As("khac", UnitRole.Approver);
        Assert.Equal("Hội thi chưa có câu hỏi nào: vui lòng thêm câu hỏi trước khi trình duyệt.",
            ContestWorkflow.Check(Facts(ContestStatus.Draft, questions: 0), WorkflowStep.Submit, approver, Now).Reason);
        Assert.False(ContestWorkflow.Check(Facts(ContestStatus.Published, opensAt: Now), WorkflowStep.BackToDraft, approver, Now).Allowed);
        Assert.False(ContestWorkflow.Check(Facts(ContestStatus.Published, entries: 1), WorkflowStep.BackToDraft, approver, Now).Allowed);
        Assert.True(ContestWorkflow.Check(Facts(ContestStatus.Published, opensAt: Now.AddMinutes(1)), WorkflowStep.BackToDraft, approver, Now).Allowed);
    }

    [Fact]
    public void Publishing_records_the_approver_and_keeps_the_first_publication_time()
    {
        var contest = Facts(ContestStatus.InReview).Contest;
        ContestWorkflow.Apply(contest, WorkflowStep.Publish, "duyet", Now, null);
        Assert.Equal((ContestStatus.Published, "duyet", Now), (contest.Status, contest.ApproverId, contest.PublishedAt));
        ContestWorkflow.Apply(contest, WorkflowStep.BackToDraft, "duyet", Now.AddHours(1), "Sửa thể lệ");
        ContestWorkflow.Apply(contest, WorkflowStep.Publish, "duyet", Now.AddHours(2), null);
        Assert.Equal(Now, contest.PublishedAt);
    }
}
