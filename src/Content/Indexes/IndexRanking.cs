using System.Globalization;

namespace CchcSite.Content.Indexes;

/// <summary>A result as ranking needs it: the announced rank and group size when there are, else the score decides.</summary>
public sealed record RankInput(int UnitId, decimal Score, int? Rank = null, int? RankedOf = null);

/// <summary>A unit's place in its group: <see cref="Tied"/> when another unit shares the rank.</summary>
public sealed record RankedUnit(int UnitId, decimal Score, int Rank, int RankedOf, bool Tied);

/// <summary>
/// How a rank moved since the previous year: <see cref="Steps"/> places up (positive) or down (negative); null when the
/// unit was not ranked the year before. Written with an arrow and the number, so that it never depends on colour.
/// </summary>
public sealed record RankChange(int? Steps)
{
    public static readonly RankChange New = new((int?)null);

    public bool IsNew => Steps is null;

    /// <summary>"▲ 2", "▼ 1", "=" or "mới".</summary>
    public string Symbol => Steps switch
    {
        null => "mới",
        > 0 => $"▲ {Steps}",
        < 0 => $"▼ {-Steps}",
        _ => "=",
    };

    /// <summary>For screen readers and sentences: "tăng 2 bậc", "giảm 1 bậc", "giữ nguyên thứ hạng", "lần đầu xếp hạng".</summary>
    public string Words => Steps switch
    {
        null => "lần đầu xếp hạng",
        > 0 => $"tăng {Steps} bậc",
        < 0 => $"giảm {-Steps} bậc",
        _ => "giữ nguyên thứ hạng",
    };
}

/// <summary>A component's score in a year against its maximum, and the change since the previous year when it was assessed then.</summary>
public sealed record ComponentFigure(string Code, string Name, decimal? Score, decimal? MaxScore, decimal? Change);

/// <summary>
/// The arithmetic of rankings, kept apart from storage so that it is tested on its own. Ranks are "competition" ranks:
/// equal scores share the best place and the next place is skipped (1, 2, 2, 4), as the announcing decisions print them.
/// </summary>
public static class IndexRanking
{
    /// <summary>
    /// The ranks of a group: an announced rank is kept (it counts units that are not on the site); the others are the
    /// competition rank of their score among the group. The group size is the announced one, else the group's count.
    /// </summary>
    public static IReadOnlyList<RankedUnit> Rank(IReadOnlyCollection<RankInput> group, bool higherIsBetter)
    {
        var ranks = group.Select(r => (Input: r, Rank: r.Rank ?? 1 + group.Count(o => higherIsBetter ? o.Score > r.Score : o.Score < r.Score))).ToList();
        return ranks
            .Select(r => new RankedUnit(r.Input.UnitId, r.Input.Score, r.Rank, r.Input.RankedOf ?? group.Count,
                ranks.Count(o => o.Rank == r.Rank) > 1))
            .OrderBy(r => r.Rank).ThenBy(r => r.UnitId)
            .ToList();
    }

    /// <summary>Places gained since the previous year (a smaller rank is better); new when there was no rank then.</summary>
    public static RankChange Change(int rank, int? previousRank) => previousRank is { } previous ? new RankChange(previous - rank) : RankChange.New;

    /// <summary>
    /// The components assessed in <paramref name="year"/>, in order, with this year's scores and the change against the
    /// previous year's; a component added this year (or not scored last year) has no change, one dropped is not listed.
    /// </summary>
    public static IReadOnlyList<ComponentFigure> Components(IEnumerable<IndexComponent> components, int year,
        IReadOnlyDictionary<string, decimal> scores, IReadOnlyDictionary<string, decimal>? previous)
    {
        return components.Where(c => c.AppliesTo(year)).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c =>
            {
                decimal? score = scores.TryGetValue(c.Code, out var s) ? s : null;
                decimal? change = score is not null && previous is not null && previous.TryGetValue(c.Code, out var p) ? score - p : null;
                return new ComponentFigure(c.Code, c.Name, score, c.MaxScore, change);
            })
            .ToList();
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A score as printed: "85,12".</summary>
    public static string Format(decimal score) => score.ToString("0.##", Vietnamese);

    /// <summary>
    /// "Năm 2023, Sở GDĐT Sóc Trăng xếp thứ 3/19 sở, ngành, tăng 2 bậc so với năm 2022." — the sentence beside a unit's
    /// trend, from the figures alone.
    /// </summary>
    public static string Sentence(string unitName, int year, int rank, int rankedOf, IndexGrouping grouping, RankChange change, int? previousYear)
    {
        var text = $"Năm {year}, {unitName} xếp thứ {rank}/{rankedOf} {grouping.Plural()}";
        if (!change.IsNew && previousYear is not null)
            text += change.Steps == 0 ? $", giữ nguyên thứ hạng so với năm {previousYear}" : $", {change.Words} so với năm {previousYear}";
        return text + ".";
    }
}

public static class IndexNames
{
    /// <summary>The group's units in words, as in "xếp thứ 3/19 sở, ngành".</summary>
    public static string Plural(this IndexGrouping grouping) => grouping switch
    {
        IndexGrouping.Provinces => "tỉnh, thành phố",
        IndexGrouping.Departments => "sở, ban, ngành",
        IndexGrouping.Districts => "huyện, thị xã, thành phố",
        IndexGrouping.Wards => "xã, phường, thị trấn",
        _ => "đơn vị",
    };

    /// <summary>A heading for the group's table.</summary>
    public static string Heading(this IndexGrouping grouping) => grouping switch
    {
        IndexGrouping.Provinces => "Các tỉnh, thành phố",
        IndexGrouping.Departments => "Các sở, ban, ngành",
        IndexGrouping.Districts => "Các huyện, thị xã, thành phố",
        IndexGrouping.Wards => "Các xã, phường, thị trấn",
        _ => "Các đơn vị khác",
    };

    /// <summary>The group's key in addresses and the API.</summary>
    public static string Key(this IndexGrouping grouping) => grouping switch
    {
        IndexGrouping.Provinces => "tinh",
        IndexGrouping.Departments => "so-nganh",
        IndexGrouping.Districts => "huyen",
        IndexGrouping.Wards => "xa-phuong",
        _ => "khac",
    };

    public static IndexGrouping? GroupingOf(string? key) =>
        Enum.GetValues<IndexGrouping>().Cast<IndexGrouping?>().FirstOrDefault(g => g!.Value.Key() == key);

    public static string ScaleName(this IndexScale scale) => scale == IndexScale.Percent ? "%" : "điểm";
}
