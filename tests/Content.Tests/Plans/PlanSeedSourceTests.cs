using System.Text.Json;
using System.Text.RegularExpressions;
using CchcSite.Content.Plans;

namespace CchcSite.Content.Tests.Plans;

/// <summary>
/// seed/plans.json must copy the assignment tables of the source plans row by row ("không thêm, không bớt dòng").
/// The tables are read out of the verbatim copies in seed/sources/, so the seed cannot drift from its source again:
/// the 2022 appendix once lost its last row, which has no line break after it.
/// </summary>
public sealed partial class PlanSeedSourceTests
{
    private sealed record Row(int Order, string? Group, string Content, string? Form, string Lead, IReadOnlyList<string> Coordinators, string Timing);

    [Fact]
    public void The_2022_appendix_of_So_GDDT_Soc_Trang_is_in_the_seed_row_by_row()
    {
        var source = AppendixOf2022();

        Assert.Equal(Enumerable.Range(1, 12), source.Select(r => r.Order));
        Assert.StartsWith("Tuyên truyền về kết quả tiếp nhận giải quyết hồ sơ TTHC", source[^1].Content);
        AssertSame(source, SeedRows("so-gddt-soc-trang/2022-tuyen-truyen"));
    }

    [Fact]
    public void The_2021_table_of_So_LDTBXH_Binh_Dinh_is_in_the_seed_row_by_row()
    {
        var source = TableOfBinhDinh2021();

        Assert.Equal(6, source.Count);
        AssertSame(source, SeedRows("so-ldtbxh-binh-dinh/2021-tuyen-truyen"));
    }

    /// <summary>
    /// Three plans set their tasks out in prose, not in a table: each row of the seed is a sentence of the plan, word for
    /// word, or says in "source" which words of the plan it puts as a row (a reporting duty, a task of a longer sentence).
    /// </summary>
    [Theory]
    [InlineData("phong-gddt-nga-nam/2021-tuyen-truyen", "000_351299ad33ee7348.txt", 6)]
    [InlineData("so-tai-chinh-soc-trang/2022-2030-de-an-tuyen-truyen", "002_584aa2557f63c6f5.txt", 9)]
    [InlineData("ubnd-phuong-thac-mo/2024-tuyen-truyen", "003_f0d7ab2768dea30f.txt", 8)]
    public void Every_row_of_a_plan_written_in_prose_is_in_its_source(string key, string file, int count)
    {
        var source = Prose(File.ReadAllText(SourcePath(file)));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedingTests.RepositorySeed(), "plans.json")));
        var items = json.RootElement.EnumerateArray().Single(p => p.GetProperty("key").GetString() == key).GetProperty("items")
            .EnumerateArray().ToList();

        Assert.Equal(Enumerable.Range(1, count), items.Select(i => i.GetProperty("order").GetInt32()));
        foreach (var item in items)
        {
            var quote = Prose(Text(item, "source") ?? Text(item, "content")!);
            Assert.True(source.Contains(quote, StringComparison.Ordinal), $"{key}, row {item.GetProperty("order")}: \"{quote}\" is not in {file}.");
            Assert.Null(PlanTimingText.Parse(Text(item, "timing")).Error);
        }
    }

    /// <summary>Text as read: runs of spaces and line breaks are one space, and the Markdown emphasis of the copy is not text.</summary>
    private static string Prose(string text) => Whitespace().Replace(text.Replace("*", ""), " ").Trim();

    [Fact]
    public void A_table_whose_last_row_has_no_line_break_keeps_that_row()
    {
        var text = File.ReadAllText(SourcePath("001_364e5f1b622399e3.txt"));

        Assert.False(text.EndsWith('\n'));
        Assert.Equal("12", RowNumber().Match(Lines(text)[^1]).Groups[1].Value);
    }

    private static void AssertSame(IReadOnlyList<Row> source, IReadOnlyList<Row> seed)
    {
        Assert.Equal(source.Count, seed.Count);
        foreach (var (expected, actual) in source.Zip(seed))
        {
            Assert.Equal(expected.Order, actual.Order);
            Assert.Equal(expected.Content, actual.Content);
            Assert.Equal(expected.Form, actual.Form);
            Assert.Equal(expected.Lead, actual.Lead);
            Assert.Equal(expected.Coordinators, actual.Coordinators);
            Assert.Equal(expected.Timing, actual.Timing);
            Assert.Equal(PlanTimingText.Parse(expected.Timing), PlanTimingText.Parse(actual.Timing), TimingComparer.Instance);
            Assert.True(string.Equals(expected.Group, actual.Group, StringComparison.InvariantCultureIgnoreCase),
                $"Row {expected.Order}: group '{actual.Group}' is not '{expected.Group}'.");
        }
    }

    /// <summary>"Nội dung | Hình thức | Chủ trì | Phối hợp | Thời gian" after the appendix header, one row a line, to the end of the file.</summary>
    private static List<Row> AppendixOf2022()
    {
        var lines = Lines(File.ReadAllText(SourcePath("001_364e5f1b622399e3.txt")));
        var header = Array.FindIndex(lines, l => l.StartsWith("<b>Nội dung tuyên truyền</b>", StringComparison.Ordinal));
        Assert.True(header > 0, "The appendix header was not found.");
        return lines.Skip(header + 1).Where(l => l.Trim().Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            Assert.Equal(5, cells.Length);
            var number = RowNumber().Match(cells[0]);
            Assert.True(number.Success, $"Row without a number: {line}");
            return new Row(int.Parse(number.Groups[1].Value), null, cells[0][number.Length..].Trim(), cells[1].Trim(), cells[2].Trim(),
                [cells[3].Trim()], cells[4].Trim());
        }).ToList();
    }

    /// <summary>
    /// §III.2: "STT | Hình thức tuyên truyền | Thời gian | Phòng, đơn vị thực hiện" under group lines A. and B.; the only
    /// column of what is done is its content. A cell of two "- " items is two rows, its time and units split alike;
    /// "X phối hợp với Y" is lead X with coordinator Y. The seed numbers the rows through both groups.
    /// </summary>
    private static List<Row> TableOfBinhDinh2021()
    {
        var lines = Lines(File.ReadAllText(SourcePath("004_b94cc60f6e4dc259.txt")));
        var header = Array.FindIndex(lines, l => l.StartsWith("STT\tHình thức tuyên truyền", StringComparison.Ordinal));
        Assert.True(header > 0, "The table header was not found.");
        var rows = new List<Row>();
        string? group = null;
        foreach (var line in lines.Skip(header + 1).TakeWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).Where(l => l.Trim().Length > 0))
        {
            var cells = line.Split('\t');
            if (GroupLine().IsMatch(cells[0]))
            {
                group = cells[0].Trim();
                continue;
            }
            Assert.Equal(4, cells.Length);
            var items = cells[1].TrimStart().StartsWith("- ", StringComparison.Ordinal)
                ? Bullet().Split(cells[1]).Select(s => s.Trim()).Where(s => s.Length > 0).ToList()
                : [cells[1].Trim()];
            var timings = SplitWords(cells[2], items.Count);
            var units = items.Count == 1 ? [cells[3].Trim()] : Sentence().Split(cells[3].Trim()).ToList();
            Assert.Equal(items.Count, units.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var (lead, coordinators) = LeadAndCoordinators(units[i].TrimEnd('.'));
                rows.Add(new Row(rows.Count + 1, group, items[i], null, lead, coordinators, timings[i]));
            }
        }
        return rows;
    }

    private static (string Lead, IReadOnlyList<string> Coordinators) LeadAndCoordinators(string cell)
    {
        var parts = cell.Split(" phối hợp với ", StringSplitOptions.TrimEntries);
        return parts.Length == 1 ? (cell, []) : (parts[0], [char.ToUpperInvariant(parts[1][0]) + parts[1][1..]]);
    }

    /// <summary>"Thường xuyên Thường xuyên" for two items: the words shared out evenly.</summary>
    private static List<string> SplitWords(string cell, int parts)
    {
        var words = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, words.Length % parts);
        return words.Chunk(words.Length / parts).Select(w => string.Join(' ', w)).ToList();
    }

    private static List<Row> SeedRows(string key)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedingTests.RepositorySeed(), "plans.json")));
        var plan = json.RootElement.EnumerateArray().Single(p => p.GetProperty("key").GetString() == key);
        return plan.GetProperty("items").EnumerateArray().Select(i => new Row(
            i.GetProperty("order").GetInt32(), Text(i, "group"), Text(i, "content")!, Text(i, "form"), Text(i, "lead")!,
            i.TryGetProperty("coordinators", out var c) ? c.EnumerateArray().Select(n => n.GetString()!).ToList() : [],
            Text(i, "timing")!)).ToList();
    }

    private static string? Text(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>Split on line breaks, never counted by them: a last line without a break is still a line.</summary>
    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static string SourcePath(string name) => Path.Combine(SeedingTests.RepositorySeed(), "sources", name);

    private sealed class TimingComparer : IEqualityComparer<ParsedTiming>
    {
        public static readonly TimingComparer Instance = new();

        public bool Equals(ParsedTiming? x, ParsedTiming? y) =>
            x!.Timing == y!.Timing && x.Months.SequenceEqual(y.Months) && x.Error == y.Error;

        public int GetHashCode(ParsedTiming obj) => obj.Timing.GetHashCode();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d+)\.\s")]
    private static partial Regex RowNumber();

    [GeneratedRegex(@"^[A-Z]\.\s")]
    private static partial Regex GroupLine();

    [GeneratedRegex(@"(?:^|\s)-\s")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(?<=\.)\s+")]
    private static partial Regex Sentence();
}
