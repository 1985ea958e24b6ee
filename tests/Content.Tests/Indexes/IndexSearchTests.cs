using CchcSite.Content.Indexes;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Tests.Search;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests.Indexes;

/// <summary>Index results in search: one document per index and year, found by the index's code, name and year, kept current by the outbox.</summary>
public sealed class IndexSearchTests : IAsyncLifetime
{
    private SearchTestSite _site = null!;
    private Unit _province = null!, _department = null!;

    public async Task InitializeAsync()
    {
        _site = await SearchTestSite.CreateAsync();
        _province = await _site.AddUnitAsync("tinh-a");
        _department = await _site.AddUnitAsync("so-gddt", _province);
        await using var db = _site.Database.NewContext();
        var indexes = new[]
        {
            Definition("PAR_INDEX", "Chỉ số cải cách hành chính (PAR INDEX)", 1),
            Definition("SIPAS", "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)", 2),
            Definition("PAPI", "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", 3),
        };
        db.AddRange(indexes);
        await db.SaveChangesAsync();
        foreach (var index in indexes)
            foreach (var year in new[] { 2020, 2021, 2022 })
            {
                db.Add(Result(index.Id, year, _province.Id, 80));
                db.Add(Result(index.Id, year, _department.Id, 75));
            }
        await db.SaveChangesAsync();
        // A post about the same index: search lists it among posts, never among the result pages.
        await _site.AddPostAsync(_province, "Kế hoạch nâng cao Chỉ số cải cách hành chính PAR INDEX năm 2022");
        await using var rebuild = _site.Database.NewContext();
        await _site.Indexer.RebuildAsync(rebuild, null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static IndexDefinition Definition(string code, string name, int order) =>
        new() { Code = code, Name = name, Assessor = "Bộ Nội vụ", MaxScore = 100, SortOrder = order };

    private IndexResult Result(int indexId, int year, int unitId, decimal score) => new()
    {
        IndexDefinitionId = indexId, Year = year, UnitId = unitId, PublisherUnitId = _province.Id, Score = score,
        Grouping = unitId == _province.Id ? IndexGrouping.Provinces : IndexGrouping.Departments, CreatedAt = _site.Now, UpdatedAt = _site.Now,
    };

    private async Task<IndexSearchPage> SearchAsync(string text)
    {
        await using var db = _site.Database.NewContext();
        var results = ActivatorUtilities.CreateInstance<IndexResults>(_site.Database.Get<IServiceProvider>(db), _site.Index);
        return await results.SearchAsync(text, CancellationToken.None);
    }

    [Theory]
    [InlineData("chỉ số par index 2022", "/chi-so?chi-so=PAR_INDEX&nam=2022")]
    [InlineData("chi so cai cach hanh chinh 2021", "/chi-so?chi-so=PAR_INDEX&nam=2021")]
    [InlineData("PAPI 2020", "/chi-so?chi-so=PAPI&nam=2020")]
    [InlineData("sipas 2022", "/chi-so?chi-so=SIPAS&nam=2022")]
    public async Task The_index_and_year_typed_find_its_page_first(string query, string url)
    {
        var page = await SearchAsync(query);

        Assert.Null(page.Message);
        Assert.Equal(url, page.Hits[0].Url);
    }

    [Fact]
    public async Task A_ranked_units_name_finds_the_index_years_it_is_ranked_in()
    {
        var page = await SearchAsync("gddt papi");
        Assert.Equal(3, page.Hits.Count);
        Assert.All(page.Hits, h => Assert.Contains("chi-so=PAPI", h.Url));
    }

    [Fact]
    public async Task Site_search_counts_the_result_pages_as_their_own_kind_beside_the_posts()
    {
        var results = await _site.SearchAsync("par index 2022");

        Assert.Equal(["Kế hoạch nâng cao Chỉ số cải cách hành chính PAR INDEX năm 2022"], results.Hits.Items.Select(h => h.Post.Title));
        var source = Assert.Single(results.Sources);
        Assert.Equal(("Kết quả chỉ số CCHC", 1, "/chi-so/tim-kiem?q=par%20index%202022"), (source.Name, source.Count, source.Url));
    }

    [Fact]
    public async Task A_new_year_is_found_once_the_outbox_is_applied_and_gone_when_its_results_are_deleted()
    {
        Assert.Empty((await SearchAsync("par index 2023")).Hits);
        await using (var db = _site.Database.NewContext())
        {
            var index = await db.Set<IndexDefinition>().SingleAsync(i => i.Code == "PAR_INDEX");
            db.Add(Result(index.Id, 2023, _province.Id, 81));
            await db.SaveChangesAsync();
        }
        Assert.True(await _site.ApplyOutboxAsync() > 0);
        Assert.Equal("/chi-so?chi-so=PAR_INDEX&nam=2023", Assert.Single((await SearchAsync("par index 2023")).Hits).Url);

        await using (var db = _site.Database.NewContext())
        {
            db.RemoveRange(await db.Set<IndexResult>().Where(r => r.Year == 2023).ToListAsync());
            await db.SaveChangesAsync();
        }
        await _site.ApplyOutboxAsync();
        Assert.Empty((await SearchAsync("par index 2023")).Hits);
        Assert.Equal(0, (await _site.SearchAsync("par index 2023")).Sources.Sum(s => s.Count));
    }

    [Fact]
    public async Task Renaming_an_index_or_changing_its_components_rewrites_the_documents_of_all_its_years()
    {
        Assert.Empty((await SearchAsync("hoa sen")).Hits);
        await using (var db = _site.Database.NewContext())
        {
            var definitions = ActivatorUtilities.CreateInstance<IndexDefinitions>(_site.Database.Get<IServiceProvider>(db));
            var draft = IndexDefinitionDraft.Of((await definitions.FindAsync("SIPAS", CancellationToken.None))!) with { Name = "Chỉ số hài lòng Hoa Sen (SIPAS)" };
            Assert.IsType<Outcomes.Outcome<string>.Ok>(await definitions.SaveAsync("SIPAS", draft, new Audit.Actor("a", "a@cchc.test", null), CancellationToken.None));
        }
        Assert.Equal(3, await _site.ApplyOutboxAsync());

        var renamed = await SearchAsync("hoa sen");
        Assert.Equal(["/chi-so?chi-so=SIPAS&nam=2020", "/chi-so?chi-so=SIPAS&nam=2021", "/chi-so?chi-so=SIPAS&nam=2022"], renamed.Hits.Select(h => h.Url).Order());

        // A component's name is in the documents too.
        await using (var db = _site.Database.NewContext())
        {
            var definitions = ActivatorUtilities.CreateInstance<IndexDefinitions>(_site.Database.Get<IServiceProvider>(db));
            var draft = IndexDefinitionDraft.Of((await definitions.FindAsync("PAPI", CancellationToken.None))!);
            draft = draft with { Components = [.. draft.Components, new IndexComponentDraft("MT", "Quản trị môi trường thanh lịch", "10", "2022", null)] };
            Assert.IsType<Outcomes.Outcome<string>.Ok>(await definitions.SaveAsync("PAPI", draft, new Audit.Actor("a", "a@cchc.test", null), CancellationToken.None));
        }
        await _site.ApplyOutboxAsync();
        Assert.Equal("/chi-so?chi-so=PAPI&nam=2022", Assert.Single((await SearchAsync("moi truong thanh lich")).Hits).Url);
    }

    [Fact]
    public async Task Words_that_cannot_be_searched_give_a_message_not_an_error()
    {
        var page = await SearchAsync("\"");
        Assert.NotNull(page.Message);
        Assert.Empty(page.Hits);
    }
}
