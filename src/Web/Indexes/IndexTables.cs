using CchcSite.Content.Indexes;

namespace CchcSite.Web.Indexes;

/// <summary>The tables the index pages show, as CSV (UTF-8 with BOM, so that Excel reads the Vietnamese letters): the same columns and figures.</summary>
public static class IndexTables
{
    public static byte[] RankingsCsv(IndexInfo index, IReadOnlyList<RankingGroup> groups)
    {
        var components = groups.SelectMany(g => g.Rows).SelectMany(r => r.Components).Select(c => c.Name).Distinct().ToList();
        var header = new List<string?> { "Chỉ số", "Năm", "Nhóm xếp hạng", "Đơn vị", "Điểm", "Xếp hạng", "Số đơn vị xếp hạng", "Thay đổi so với năm trước" };
        header.AddRange(components);
        header.AddRange(["Văn bản công bố", "Ngày công bố"]);
        var rows = new List<IEnumerable<string?>> { header };
        foreach (var group in groups)
            foreach (var row in group.Rows)
            {
                var line = new List<string?>
                {
                    index.Code, row.Year.ToString(), group.Title, row.Unit.Name, IndexRanking.Format(row.Score), row.Rank.ToString(),
                    row.RankedOf.ToString(), row.Change.Words,
                };
                line.AddRange(components.Select(name => row.Components.FirstOrDefault(c => c.Name == name)?.Score is { } s ? IndexRanking.Format(s) : ""));
                line.AddRange([row.SourceTitle, row.AnnouncedOn?.ToString("dd/MM/yyyy")]);
                rows.Add(line);
            }
        return Csv.Of(rows);
    }

    public static byte[] TrendsCsv(UnitIndexesPage page)
    {
        var rows = new List<IEnumerable<string?>> { new[] { "Đơn vị", "Chỉ số", "Năm", "Điểm", "Xếp hạng", "Số đơn vị xếp hạng", "Nhóm xếp hạng", "Thay đổi so với năm trước" } };
        foreach (var trend in page.Indexes)
            foreach (var point in trend.Points)
                rows.Add([page.Unit.Unit.Name, trend.Index.Code, point.Year.ToString(), IndexRanking.Format(point.Score), point.Rank.ToString(),
                    point.RankedOf.ToString(), point.Grouping.Plural(), point.Change.Words]);
        return Csv.Of(rows);
    }
}
