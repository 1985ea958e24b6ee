using CchcSite.Content.Outcomes;
using CchcSite.Content.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Questions;

/// <summary>"Câu trả lời này có hữu ích không?": one vote per browser and answer, published answers only, counts for officers.</summary>
public class HelpfulVoteTests
{
    private static readonly string TokenA = new('a', 64);
    private static readonly string TokenB = new('b', 64);
    private static readonly string TokenC = new('c', 64);

    /// <summary>A question answered by the officer and published by the reviewer.</summary>
    private static async Task<Submission> PublishedAsync(QuestionsTestSite site, string title = "Hỏi về thủ tục cấp bản sao văn bằng")
    {
        var item = await site.SubmitAsync(QuestionsTestSite.Valid(title: title));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(item.Id, new SubmissionCommand.Answer("Hồ sơ gồm **đơn đề nghị**.")));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(item.Id, new SubmissionCommand.Publish(), site.Reviewer));
        return item;
    }

    private static async Task<Outcome<bool>> VoteAsync(QuestionsTestSite site, int id, bool? helpful, string? token)
    {
        await using var db = site.Database.NewContext();
        return await site.Database.Get<HelpfulVotes>(db).VoteAsync(id, helpful, token, CancellationToken.None);
    }

    private static async Task<IReadOnlyDictionary<int, HelpfulCounts>> CountsAsync(QuestionsTestSite site, params int[] ids)
    {
        await using var db = site.Database.NewContext();
        return await site.Database.Get<HelpfulVotes>(db).CountsAsync(ids, CancellationToken.None);
    }

    [Fact]
    public async Task A_browser_votes_once_per_answer_the_first_vote_stands_and_the_counts_add_up()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var first = await PublishedAsync(site);
        var second = await PublishedAsync(site, "Hỏi về lệ phí chứng thực");

        Assert.Equal(new Outcome<bool>.Ok(true), await VoteAsync(site, first.Id, true, TokenA));
        // The same browser again, the other way: nothing changes.
        Assert.Equal(new Outcome<bool>.Ok(false), await VoteAsync(site, first.Id, false, TokenA));
        Assert.Equal(new Outcome<bool>.Ok(true), await VoteAsync(site, first.Id, true, TokenB));
        Assert.Equal(new Outcome<bool>.Ok(true), await VoteAsync(site, first.Id, false, TokenC));
        // The same browser on another answer is another vote.
        Assert.Equal(new Outcome<bool>.Ok(true), await VoteAsync(site, second.Id, false, TokenA));

        var counts = await CountsAsync(site, first.Id, second.Id, 999);
        Assert.Equal(new HelpfulCounts(2, 1), counts[first.Id]);
        Assert.Equal(67, counts[first.Id].HelpfulPercent);
        Assert.Equal("2 có · 1 không · 67% hữu ích", counts[first.Id].Summary);
        Assert.Equal(new HelpfulCounts(0, 1), counts[second.Id]);
        Assert.Equal(0, counts[second.Id].HelpfulPercent);
        Assert.Equal(HelpfulCounts.None, counts[999]);
        Assert.Null(HelpfulCounts.None.HelpfulPercent);
    }

    [Fact]
    public async Task A_vote_keeps_the_answer_the_choice_the_day_and_a_hash_of_the_token_and_nothing_else()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var item = await PublishedAsync(site);
        site.Database.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 15, 20, 30, 0, TimeSpan.Zero)); // 03:30 on 16/06 in Vietnam

        Assert.Equal(new Outcome<bool>.Ok(true), await VoteAsync(site, item.Id, false, TokenA));

        await using var db = site.Database.NewContext();
        // The columns are the promise: an address, a user agent or a time of day added to the row must fail this test first.
        var columns = db.Model.FindEntityType(typeof(HelpfulVote))!.GetProperties().Select(p => p.GetColumnName()).Order().ToArray();
        Assert.Equal(["Day", "Helpful", "Id", "SubmissionId", "TokenHash"], columns);
        var row = await db.HelpfulVotes.SingleAsync();
        Assert.Equal(item.Id, row.SubmissionId);
        Assert.False(row.Helpful);
        Assert.Equal(new DateOnly(2026, 6, 16), row.Day);
        Assert.Equal(HelpfulVotes.HashToken(item.Id, TokenA), row.TokenHash);
        Assert.Equal(64, row.TokenHash.Length);
        Assert.NotEqual(HelpfulVotes.HashToken(item.Id + 1, TokenA), row.TokenHash);
    }

    [Fact]
    public async Task Only_a_published_answer_takes_votes_and_bad_input_is_refused_field_by_field()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var waiting = await site.SubmitAsync();
        var published = await PublishedAsync(site, "Hỏi về lệ phí chứng thực");

        Assert.IsType<Outcome<bool>.NotFound>(await VoteAsync(site, waiting.Id, true, TokenA));
        Assert.IsType<Outcome<bool>.NotFound>(await VoteAsync(site, 999_999, true, TokenA));
        var invalid = Assert.IsType<Outcome<bool>.Invalid>(await VoteAsync(site, published.Id, null, "ngan"));
        Assert.Equal(["helpful", "token"], invalid.Errors.Keys.Order());
        Assert.IsType<Outcome<bool>.Invalid>(await VoteAsync(site, published.Id, true, new string('x', HelpfulVotes.MaxTokenLength + 1)));

        // Taken out of the column, the answer takes no more votes.
        Assert.Equal(new Outcome<bool>.Ok(true), await VoteAsync(site, published.Id, true, TokenA));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(published.Id, new SubmissionCommand.Unpublish("Trả lời đã cũ"), site.Reviewer));
        Assert.IsType<Outcome<bool>.NotFound>(await VoteAsync(site, published.Id, true, TokenB));

        await using var db = site.Database.NewContext();
        Assert.Equal(1, await db.HelpfulVotes.CountAsync());
    }

    [Fact]
    public async Task The_inbox_shows_each_published_answer_s_counts_and_their_total_over_every_page()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var first = await PublishedAsync(site);
        var second = await PublishedAsync(site, "Hỏi về lệ phí chứng thực");
        var waiting = await site.SubmitAsync(QuestionsTestSite.Valid(title: "Câu hỏi chưa trả lời"));
        await VoteAsync(site, first.Id, true, TokenA);
        await VoteAsync(site, first.Id, true, TokenB);
        await VoteAsync(site, second.Id, false, TokenA);

        await using var db = site.Database.NewContext();
        var inbox = site.Inbox(db);
        var filter = new InboxFilter(null, View: InboxView.All) { Page = new(1, 2) };
        var rows = (await inbox.ListAsync(filter, CancellationToken.None)).Items.Concat(
            (await inbox.ListAsync(filter with { Page = new(2, 2) }, CancellationToken.None)).Items).ToDictionary(r => r.Id);
        Assert.Equal(new HelpfulCounts(2, 0), rows[first.Id].Helpful);
        Assert.Equal(new HelpfulCounts(0, 1), rows[second.Id].Helpful);
        Assert.Null(rows[waiting.Id].Helpful);
        Assert.Equal(new HelpfulCounts(2, 1), await inbox.HelpfulTotalAsync(filter, CancellationToken.None));
        Assert.Equal(new HelpfulCounts(0, 0), await inbox.HelpfulTotalAsync(filter with { View = InboxView.Open }, CancellationToken.None));
    }
}
