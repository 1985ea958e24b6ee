using CchcSite.Content.Outcomes;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Questions;

public class SubmissionStatisticsTests
{
    [Fact]
    public async Task Counts_per_unit_period_and_kind_split_answers_by_their_deadline()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        site.Options.ResponseWorkingDays = 2; // received Wednesday 15 June 2022: due Friday 17 June
        var onTime = await site.SubmitAsync();
        var late = await site.SubmitAsync();
        var pending = await site.SubmitAsync();
        var awaitingApproval = await site.SubmitAsync();
        var rejected = await site.SubmitAsync();
        var otherUnit = await site.SubmitAsync(QuestionsTestSite.Valid("so-b"));
        await using (var db = site.Database.NewContext())
        {
            var feedback = await site.Intake(db).SubmitAsync(SubmissionKind.Feedback,
                QuestionsTestSite.Valid() with { Location = "Bộ phận một cửa", FeedbackType = FeedbackType.Report }, null, CancellationToken.None);
            Assert.IsType<Outcome<Submitted>.Ok>(feedback);
        }

        await site.StepAsync(onTime.Id, new SubmissionCommand.Answer("Đúng hạn."));
        await site.StepAsync(late.Id, new SubmissionCommand.Answer("Trễ hạn."));
        await site.StepAsync(awaitingApproval.Id, new SubmissionCommand.Answer("Chờ duyệt."));
        await site.StepAsync(rejected.Id, new SubmissionCommand.Reject(RejectionKind.OutOfScope, "Không thuộc lĩnh vực"));
        site.Database.Clock.Advance(TimeSpan.FromDays(2)); // Friday 17 June, the due day: still on time
        await site.StepAsync(onTime.Id, new SubmissionCommand.Publish(), site.Reviewer);
        site.Database.Clock.Advance(TimeSpan.FromDays(3)); // Monday 20 June: late
        await site.StepAsync(late.Id, new SubmissionCommand.Close(), site.Reviewer);
        // Received in another period: not counted.
        site.Database.Clock.Advance(TimeSpan.FromDays(30));
        await site.SubmitAsync();

        await using var check = site.Database.NewContext();
        var statistics = site.Database.Get<SubmissionStatistics>(check);
        var june = (From: new DateOnly(2022, 6, 1), To: new DateOnly(2022, 6, 30));
        Assert.Equal(new SubmissionCounts(Received: 5, AnsweredOnTime: 1, AnsweredLate: 1, Pending: 2, Rejected: 1),
            await statistics.CountAsync([site.UnitA.Id], june.From, june.To, SubmissionKind.Question, CancellationToken.None));
        Assert.Equal(new SubmissionCounts(6, 1, 1, 3, 1),
            await statistics.CountAsync([site.UnitA.Id], june.From, june.To, null, CancellationToken.None));
        Assert.Equal(new SubmissionCounts(7, 1, 1, 4, 1),
            await statistics.CountAsync([site.UnitA.Id, site.UnitB.Id], june.From, june.To, null, CancellationToken.None));
        Assert.Equal(SubmissionCounts.None,
            await statistics.CountAsync([site.UnitA.Id], new DateOnly(2022, 6, 16), june.To, null, CancellationToken.None));
        Assert.Equal(1, await check.Submissions.CountAsync(s => s.Id == otherUnit.Id));
    }
}
