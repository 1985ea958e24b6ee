using CchcSite.Content.Indexes;

namespace CchcSite.Content.Tests.Indexes;

public class IndexRankingTests
{
    [Fact]
    public void Equal_scores_share_the_better_place_and_the_next_place_is_skipped()
    {
        var ranked = IndexRanking.Rank([new(1, 90m), new(2, 85.5m), new(3, 85.5m), new(4, 80m)], higherIsBetter: true);

        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
        Assert.Equal([false, true, true, false], ranked.Select(r => r.Tied));
        Assert.All(ranked, r => Assert.Equal(4, r.RankedOf));
    }

    [Fact]
    public void Where_lower_is_better_the_lowest_score_ranks_first()
    {
        var ranked = IndexRanking.Rank([new(1, 3m), new(2, 1m), new(3, 2m)], higherIsBetter: false);
        Assert.Equal([2, 3, 1], ranked.Select(r => r.UnitId));
    }

    [Fact]
    public void An_announced_rank_and_group_size_are_kept_as_printed()
    {
        // Three of 63 provinces are on the site: their ranks count the other sixty.
        var ranked = IndexRanking.Rank([new(1, 90m, 5, 63), new(2, 88m, 12, 63), new(3, 70m, 60, 63)], higherIsBetter: true);
        Assert.Equal([5, 12, 60], ranked.Select(r => r.Rank));
        Assert.All(ranked, r => Assert.Equal(63, r.RankedOf));
    }

    [Fact]
    public void The_change_counts_places_gained_and_a_unit_missing_the_year_before_is_new()
    {
        Assert.Equal(2, IndexRanking.Change(3, 5).Steps);
        Assert.Equal("▲ 2", IndexRanking.Change(3, 5).Symbol);
        Assert.Equal("tăng 2 bậc", IndexRanking.Change(3, 5).Words);
        Assert.Equal("▼ 4", IndexRanking.Change(7, 3).Symbol);
        Assert.Equal("giảm 4 bậc", IndexRanking.Change(7, 3).Words);
        Assert.Equal("=", IndexRanking.Change(4, 4).Symbol);
        var missing = IndexRanking.Change(1, null);
        Assert.True(missing.IsNew);
        Assert.Null(missing.Steps);
        Assert.Equal("mới", missing.Symbol);
    }

    [Fact]
    public void A_component_added_in_a_later_year_is_listed_without_a_change_and_a_dropped_one_is_not_listed()
    {
        IndexComponent[] components =
        [
            new() { Id = 1, Code = "TTHC", Name = "Cải cách TTHC", MaxScore = 13, FromYear = 2021, SortOrder = 1 },
            new() { Id = 2, Code = "HDH", Name = "Hiện đại hóa hành chính", MaxScore = 15, FromYear = 2021, ToYear = 2021, SortOrder = 2 },
            new() { Id = 3, Code = "CQS", Name = "Chính quyền số", MaxScore = 15, FromYear = 2022, SortOrder = 3 },
        ];
        var previous = new Dictionary<string, decimal> { ["TTHC"] = 10m, ["HDH"] = 12m };
        var figures = IndexRanking.Components(components, 2022, new Dictionary<string, decimal> { ["TTHC"] = 11.5m, ["CQS"] = 13m }, previous);

        Assert.Equal(["TTHC", "CQS"], figures.Select(f => f.Code));
        Assert.Equal(1.5m, figures[0].Change);
        Assert.Null(figures[1].Change);
        Assert.Equal(15m, figures[1].MaxScore);
        var first = IndexRanking.Components(components, 2021, previous, null);
        Assert.Equal(["TTHC", "HDH"], first.Select(f => f.Code));
        Assert.All(first, f => Assert.Null(f.Change));
    }

    [Fact]
    public void The_sentence_says_the_rank_the_group_and_the_move_since_the_year_before()
    {
        Assert.Equal("Năm 2023, Sở GDĐT Sóc Trăng xếp thứ 3/19 sở, ban, ngành, tăng 2 bậc so với năm 2022.",
            IndexRanking.Sentence("Sở GDĐT Sóc Trăng", 2023, 3, 19, IndexGrouping.Departments, IndexRanking.Change(3, 5), 2022));
        Assert.Equal("Năm 2021, UBND tỉnh Sóc Trăng xếp thứ 40/63 tỉnh, thành phố.",
            IndexRanking.Sentence("UBND tỉnh Sóc Trăng", 2021, 40, 63, IndexGrouping.Provinces, RankChange.New, null));
        Assert.Equal("Năm 2024, UBND Phường 1 xếp thứ 2/8 xã, phường, thị trấn, giữ nguyên thứ hạng so với năm 2023.",
            IndexRanking.Sentence("UBND Phường 1", 2024, 2, 8, IndexGrouping.Wards, IndexRanking.Change(2, 2), 2023));
    }
}
