using CchcSite.Content.Outcomes;
using CchcSite.Content.Questions;
using CchcSite.Content.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests.Questions;

/// <summary>Published questions go into the search index through the outbox, apart from the posts, and leave it when taken down.</summary>
public class QuestionIndexTests
{
    [Fact]
    public async Task Only_published_questions_are_found_and_only_by_a_question_search()
    {
        await using var site = await QuestionsTestSite.CreateAsync();
        var index = site.Database.Services.GetRequiredService<SearchIndex>();
        var indexer = site.Database.Services.GetRequiredService<SearchIndexer>();
        async Task<int> ApplyAsync()
        {
            await using var db = site.Database.NewContext();
            return await indexer.ApplyOutboxAsync(db, CancellationToken.None);
        }
        IReadOnlyList<int> Find(string text, bool questions)
        {
            Assert.True(UserQuery.TryParse(text, out var query, out _));
            return IndexSearch.Find(index, new IndexCriteria(query, site.Database.Clock.GetUtcNow().UtcDateTime, Questions: questions)).Hits.Select(h => h.Id).ToList();
        }

        var item = await site.SubmitAsync(QuestionsTestSite.Valid(title: "Cấp bản sao văn bằng tốt nghiệp"));
        await site.StepAsync(item.Id, new SubmissionCommand.Answer("Nộp đơn tại **Bộ phận một cửa**."));
        Assert.Equal(0, await ApplyAsync()); // received and answered, not yet public: nothing for the index

        await site.StepAsync(item.Id, new SubmissionCommand.Publish(), site.Reviewer);
        Assert.Equal(1, await ApplyAsync());
        Assert.Equal([item.Id], Find("ban sao van bang", questions: true));
        Assert.Equal([item.Id], Find("bộ phận một cửa", questions: true)); // the answer is searchable too
        Assert.Empty(Find("ban sao van bang", questions: false));
        // A post search may count the question for a link to the column, but never makes it a hit.
        Assert.True(UserQuery.TryParse("ban sao van bang", out var counted, out _));
        var counting = IndexSearch.Find(index, new IndexCriteria(counted, site.Database.Clock.GetUtcNow().UtcDateTime, CountQuestions: true));
        Assert.Equal((0, 1, 0), (counting.Hits.Count, counting.QuestionCount, counting.TotalCount));
        Assert.Empty(counting.Kinds);

        Assert.IsType<Outcome<Submission>.Refused>(await site.StepAsync(item.Id, new SubmissionCommand.Unpublish("")));
        Assert.IsType<Outcome<Submission>.Ok>(await site.StepAsync(item.Id, new SubmissionCommand.Unpublish("Nội dung đã cũ")));
        Assert.Equal(1, await ApplyAsync());
        Assert.Empty(Find("ban sao van bang", questions: true));

        await using var check = site.Database.NewContext();
        Assert.Contains("Bộ phận một cửa", (await site.Database.Get<PublicSubmissions>(check).TrackAsync(item.TrackingCode, CancellationToken.None))!.AnswerHtml);
        await indexer.RebuildAsync(check, null, CancellationToken.None);
        Assert.Empty(Find("ban sao van bang", questions: true));
    }
}
