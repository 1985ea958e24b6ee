using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Contests;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Tests.Search;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests.Contests;

/// <summary>Published contests in search, as their own kind: found with and without tones, kept in step with the contest's saves.</summary>
public sealed class ContestSearchTests : IAsyncLifetime
{
    private SearchTestSite _site = null!;
    private Unit _unit = null!;
    private static readonly Actor Editor = new("a", "a@cchc.test", null);
    private static readonly UserGrants Administrator = new("a", IsActive: true, IsAdministrator: true, []);

    public async Task InitializeAsync()
    {
        _site = await SearchTestSite.CreateAsync();
        _unit = await _site.AddUnitAsync("so-gddt");
        await SaveAsync(null, "Cuộc thi trực tuyến tìm hiểu về cải cách hành chính năm 2022", published: true);
        await SaveAsync(null, "Hội thi văn hóa công vụ", published: false);
        // A post with the same words: site search lists it among posts and counts the contest beside it.
        await _site.AddPostAsync(_unit, "Phát động cuộc thi trực tuyến tìm hiểu về cải cách hành chính");
        await using var rebuild = _site.Database.NewContext();
        await _site.Indexer.RebuildAsync(rebuild, null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    /// <summary>Saves the contest as a draft (taking a published one back first) and, when asked, submits and publishes it.</summary>
    private async Task<int> SaveAsync(int? id, string title, bool published)
    {
        await using var db = _site.Database.NewContext();
        var editing = _site.Database.Get<ContestEditing>(db);
        if (id is not null && await db.Contests.AnyAsync(c => c.Id == id && c.Status == ContestStatus.Published))
            Assert.IsType<Outcome<ContestStatus>.Ok>(await editing.StepAsync(id.Value, WorkflowStep.BackToDraft, Administrator, Editor, null, CancellationToken.None));
        var input = new ContestInput
        {
            Title = title, Summary = "Tìm hiểu Nghị quyết 76/NQ-CP và sáu lĩnh vực cải cách.", Rules = "Mỗi người dự thi **một lần** mỗi đợt; giải thưởng theo đợt.",
            Audience = nameof(ContestAudience.Everyone), QuestionsPerAttempt = "10", TimeLimitMinutes = "10", AttemptsPerRound = "1",
            Rounds = [new RoundInput { OpensAt = ContestEditing.Format(_site.Now.AddDays(1)), ClosesAt = ContestEditing.Format(_site.Now.AddDays(8)) }],
        };
        var saved = Assert.IsType<Outcome<int>.Ok>(await editing.SaveAsync(id, _unit.Id, input, Editor, CancellationToken.None)).Value;
        if (!published)
            return saved;
        // A contest goes out with questions: review refuses an empty bank.
        Assert.IsType<Outcome<int>.Ok>(await editing.SaveQuestionAsync(saved, null, new ContestQuestionInput
        {
            Text = "Nơi tiếp nhận hồ sơ thủ tục hành chính?", Kind = "SingleChoice", Options = ["Bộ phận Một cửa", "Văn thư"], Correct = [0],
            Explanation = "Theo Nghị quyết 76/NQ-CP.",
        }, Editor, CancellationToken.None));
        foreach (var step in new[] { WorkflowStep.Submit, WorkflowStep.Publish })
            Assert.IsType<Outcome<ContestStatus>.Ok>(await editing.StepAsync(saved, step, Administrator, Editor, null, CancellationToken.None));
        return saved;
    }

    private async Task<ContestListPage> SearchAsync(string text)
    {
        await using var db = _site.Database.NewContext();
        var contests = ActivatorUtilities.CreateInstance<PublicContests>(_site.Database.Get<IServiceProvider>(db), _site.Index);
        return await contests.SearchAsync(text, CancellationToken.None);
    }

    [Theory]
    [InlineData("tìm hiểu cải cách hành chính 2022")]
    [InlineData("tim hieu cai cach hanh chinh 2022")]
    [InlineData("nghi quyet 76")]
    [InlineData("giai thuong theo dot")]
    public async Task A_published_contest_is_found_by_its_title_summary_or_rules_with_or_without_tones(string query)
    {
        var page = await SearchAsync(query);

        Assert.Null(page.Message);
        Assert.Equal(["Cuộc thi trực tuyến tìm hiểu về cải cách hành chính năm 2022"], page.Contests.Select(c => c.Title));
    }

    [Fact]
    public async Task A_draft_contest_is_not_found()
    {
        var page = await SearchAsync("van hoa cong vu");

        Assert.Empty(page.Contests);
        Assert.Equal("Không tìm thấy hội thi nào khớp với từ khóa.", page.Message);
    }

    [Fact]
    public async Task Site_search_counts_contests_as_their_own_kind_beside_the_posts()
    {
        var results = await _site.SearchAsync("cuộc thi trực tuyến tìm hiểu");

        Assert.Equal(["Phát động cuộc thi trực tuyến tìm hiểu về cải cách hành chính"], results.Hits.Items.Select(h => h.Post.Title));
        var source = Assert.Single(results.Sources);
        Assert.Equal(("Hội thi trực tuyến", 1, "/hoi-thi?q=cu%E1%BB%99c%20thi%20tr%E1%BB%B1c%20tuy%E1%BA%BFn%20t%C3%ACm%20hi%E1%BB%83u"),
            (source.Name, source.Count, source.Url));
    }

    [Fact]
    public async Task Publishing_renaming_and_unpublishing_are_followed_once_the_outbox_is_applied()
    {
        int draft;
        await using (var db = _site.Database.NewContext())
            draft = await db.Contests.Where(c => c.Status == ContestStatus.Draft).Select(c => c.Id).SingleAsync();

        await SaveAsync(draft, "Hội thi văn hóa công vụ năm 2023", published: true);
        Assert.True(await _site.ApplyOutboxAsync() > 0);
        Assert.Equal(["Hội thi văn hóa công vụ năm 2023"], (await SearchAsync("van hoa cong vu 2023")).Contests.Select(c => c.Title));

        await SaveAsync(draft, "Hội thi văn hóa công vụ năm 2023", published: false);
        await _site.ApplyOutboxAsync();
        Assert.Empty((await SearchAsync("van hoa cong vu 2023")).Contests);
        Assert.Equal(0, (await _site.SearchAsync("van hoa cong vu 2023")).Sources.Sum(s => s.Count));
    }

    [Fact]
    public async Task No_words_list_every_published_contest_and_words_that_cannot_be_searched_give_a_message()
    {
        Assert.Single((await SearchAsync("")).Contests);
        var page = await SearchAsync("\"");
        Assert.NotNull(page.Message);
        Assert.Empty(page.Contests);
    }
}
