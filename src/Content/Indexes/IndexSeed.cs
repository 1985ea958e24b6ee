using System.Text.Json;
using System.Text.Json.Serialization;
using CchcSite.Content.Data;
using CchcSite.Content.Units;

namespace CchcSite.Content.Indexes;

/// <summary>
/// Reads <c>seed/indexes.json</c> (written by scripts/make-index-seed.py): the index definitions and sample results. Part
/// of the seed's one transaction; a seed folder without the file seeds no index.
/// </summary>
public static class IndexSeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed record File(string Note, List<IndexSeedDefinition> Indexes, List<ResultBatch> Results);

    private sealed record IndexSeedDefinition(string Code, string Name, string Assessor, IndexScale Scale, decimal? MaxScore, bool HigherIsBetter,
        List<ComponentSeed> Components);

    private sealed record ComponentSeed(string Code, string Name, decimal? MaxScore, int FromYear, int? ToYear);

    private sealed record ResultBatch(string Index, int Year, IndexGrouping Grouping, string? Within, string Publisher, string? Source,
        DateOnly? AnnouncedOn, List<ResultRow> Rows);

    private sealed record ResultRow(string Unit, decimal Score, int? Rank, int? RankedOf, Dictionary<string, decimal> Components);

    public static async Task<int> ImportAsync(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units, DateTime now, CancellationToken ct)
    {
        if (!System.IO.File.Exists(path))
            return 0;
        var file = JsonSerializer.Deserialize<File>(await System.IO.File.ReadAllTextAsync(path, ct), Json)
                   ?? throw new InvalidDataException($"{path}: expected an object with indexes and results.");
        var definitions = new Dictionary<string, IndexDefinition>(StringComparer.Ordinal);
        var order = 0;
        foreach (var seed in file.Indexes)
        {
            var definition = new IndexDefinition
            {
                Code = seed.Code, Name = seed.Name, Assessor = seed.Assessor, Scale = seed.Scale, MaxScore = seed.MaxScore,
                HigherIsBetter = seed.HigherIsBetter, SortOrder = order++,
                Components = seed.Components.Select((c, i) => new IndexComponent
                    { Code = c.Code, Name = c.Name, MaxScore = c.MaxScore, FromYear = c.FromYear, ToYear = c.ToYear, SortOrder = i }).ToList(),
            };
            definitions[seed.Code] = definition;
            db.IndexDefinitions.Add(definition);
        }
        Unit UnitOf(string slug, string where) => units.TryGetValue(slug, out var unit) ? unit
            : throw new InvalidDataException($"{path}: {where} names unit '{slug}', which is not in units.json.");
        var count = 0;
        foreach (var batch in file.Results)
        {
            if (!definitions.TryGetValue(batch.Index, out var definition))
                throw new InvalidDataException($"{path}: results name index '{batch.Index}', which is not defined.");
            var where = $"{batch.Index} {batch.Year}";
            foreach (var row in batch.Rows)
            {
                var unknown = row.Components.Keys.Where(k => !definition.Components.Any(c => c.Code == k && c.AppliesTo(batch.Year))).ToList();
                if (unknown.Count > 0)
                    throw new InvalidDataException($"{path}: {where}: components {string.Join(", ", unknown)} are not assessed that year.");
                db.IndexResults.Add(new IndexResult
                {
                    IndexDefinition = definition, Year = batch.Year, Unit = UnitOf(row.Unit, where), Grouping = batch.Grouping,
                    WithinUnitId = batch.Within is null ? null : UnitOf(batch.Within, where).Id, PublisherUnitId = UnitOf(batch.Publisher, where).Id,
                    Score = row.Score, Rank = row.Rank, RankedOf = row.RankedOf,
                    Components = row.Components.Select(c => new IndexComponentScore { Code = c.Key, Score = c.Value }).ToList(),
                    SourceTitle = batch.Source, AnnouncedOn = batch.AnnouncedOn, CreatedAt = now, UpdatedAt = now,
                });
                count++;
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}
