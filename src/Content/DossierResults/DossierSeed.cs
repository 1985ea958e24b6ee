using System.Text.Json;
using CchcSite.Content.Data;
using CchcSite.Content.Procedures;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.DossierResults;

/// <summary>
/// Reads <c>seed/dossier-results.json</c> (written by scripts/make-dossier-seed.py): sample monthly figures, after the
/// procedures' fields are seeded. Part of the seed's one transaction; a seed folder without the file seeds none.
/// </summary>
public static class DossierSeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record File(string Note, List<Row> Results);

    private sealed record Row(string Unit, string Field, int Year, int Month, int Received, int ReceivedOnline, int ResolvedOnTime, int ResolvedLate,
        int PendingInTime, int PendingOverdue, int Apologies);

    public static async Task<int> ImportAsync(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units, DateTime now, CancellationToken ct)
    {
        if (!System.IO.File.Exists(path))
            return 0;
        var file = JsonSerializer.Deserialize<File>(await System.IO.File.ReadAllTextAsync(path, ct), Json)
                   ?? throw new InvalidDataException($"{path}: expected an object with results.");
        if (string.IsNullOrWhiteSpace(file.Note))
            throw new InvalidDataException($"{path}: the note saying these are sample figures is missing.");
        var fields = await db.ProcedureTerms.Where(t => t.List == ProcedureList.Field).ToDictionaryAsync(t => t.Slug, ct);
        foreach (var row in file.Results)
        {
            var where = $"{row.Unit} {row.Month}/{row.Year} {row.Field}";
            if (!units.TryGetValue(row.Unit, out var unit))
                throw new InvalidDataException($"{path}: {where} names a unit that is not in units.json.");
            if (!fields.TryGetValue(row.Field, out var field))
                throw new InvalidDataException($"{path}: {where} names a field that is not in procedures.json.");
            if (row.Month is < 1 or > 12 || row.ReceivedOnline > row.Received)
                throw new InvalidDataException($"{path}: {where}: a month from 1 to 12 and no more online than received.");
            db.DossierResults.Add(new DossierResult
            {
                Unit = unit, Field = field, Year = row.Year, Month = row.Month, ImportedAt = now,
                Figures = new DossierFigures
                {
                    Received = row.Received, ReceivedOnline = row.ReceivedOnline, ResolvedOnTime = row.ResolvedOnTime, ResolvedLate = row.ResolvedLate,
                    PendingInTime = row.PendingInTime, PendingOverdue = row.PendingOverdue, Apologies = row.Apologies,
                },
            });
        }
        await db.SaveChangesAsync(ct);
        return file.Results.Count;
    }
}
