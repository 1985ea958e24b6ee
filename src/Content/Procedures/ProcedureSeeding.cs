using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Units;

namespace CchcSite.Content.Procedures;

// The shapes of seed/procedures.json (see seed/README.md).

internal sealed record ProcedureSeedFile(string Note, List<TermSeed> Fields, List<TermSeed> Levels, List<ProcedureSeed> Procedures);

internal sealed record TermSeed(string Slug, string Name);

internal sealed record DecisionSeed(string Number, DateOnly Date);

internal sealed record HistorySeed(ProcedureChange Change, string Decision, DateOnly Date, string? Note);

internal sealed record DossierSeed(string Name, int Originals, int Copies, string? Form, string? File);

internal sealed record WaySeed(SubmissionChannel Channel, string? ProcessingTime, string? Fee, string? Description);

internal sealed record LegalSeed(string Text);

internal sealed record ProcedureSeed(string Code, string Name, string Field, string Level, string? ProcedureType, string ImplementingBody,
    string? CompetentBody, string? WhereToSubmit, List<string> Steps, List<WaySeed> Ways, List<DossierSeed> Dossier, string ProcessingTime,
    string Fees, decimal? FeeAmount, string Subjects, string Result, List<LegalSeed> LegalBases, string? Requirements, OnlineServiceLevel Online,
    string? PortalUrl, List<string> Units, DecisionSeed? Decision, ProcedureStatus Status, DateOnly? StatusSince, string? ReplacedBy,
    List<HistorySeed> History);

/// <summary>
/// Adds the procedures of seed/procedures.json, with their lists, form files and the history of the decisions that
/// announced them. Illustrative data, as the file says: a unit checks it against the national database.
/// </summary>
internal static class ProcedureSeeding
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static async Task<int> AddAsync(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units,
        Func<Unit, string, CancellationToken, Task<MediaAsset>> importFile, DateTime now, CancellationToken ct)
    {
        if (!File.Exists(path))
            return 0;
        var file = JsonSerializer.Deserialize<ProcedureSeedFile>(await File.ReadAllTextAsync(path, ct), Json)
                   ?? throw new InvalidDataException($"{path}: empty.");
        var fields = file.Fields.Select((t, i) => new ProcedureTerm { List = ProcedureList.Field, Slug = t.Slug, Name = N(t.Name), SortOrder = i })
            .ToDictionary(t => t.Slug);
        var levels = file.Levels.Select((t, i) => new ProcedureTerm { List = ProcedureList.Level, Slug = t.Slug, Name = N(t.Name), SortOrder = i })
            .ToDictionary(t => t.Slug);
        db.ProcedureTerms.AddRange(fields.Values);
        db.ProcedureTerms.AddRange(levels.Values);

        var codes = new HashSet<string>(StringComparer.Ordinal);
        var forms = new List<(DossierComponent Component, MediaAsset File)>();
        foreach (var seed in file.Procedures)
        {
            string Where(string what) => $"{path}: procedure '{seed.Code}' {what}";
            if (!ProcedureRules.IsCode(seed.Code) || !codes.Add(seed.Code))
                throw new InvalidDataException(Where("has a malformed or repeated code."));
            if (!fields.TryGetValue(seed.Field, out var field) || !levels.TryGetValue(seed.Level, out var level))
                throw new InvalidDataException(Where($"names field '{seed.Field}' or level '{seed.Level}', which the file does not list."));
            var handling = seed.Units.Select((slug, i) => units.TryGetValue(slug, out var unit)
                ? (Unit: unit, Order: i) : throw new InvalidDataException(Where($"names unit '{slug}', which is not in units.json."))).ToList();
            var dossier = new List<DossierComponent>();
            foreach (var component in seed.Dossier)
            {
                var dossierComponent = new DossierComponent
                {
                    Name = N(component.Name), Originals = component.Originals, Copies = component.Copies, FormName = component.Form is null ? null : N(component.Form),
                };
                // The file's id exists once it is saved: set below.
                if (component.File is not null)
                    forms.Add((dossierComponent, await importFile(handling[0].Unit, component.File, ct)));
                dossier.Add(dossierComponent);
            }
            var feeAmount = seed.FeeAmount ?? (ProcedureRules.TryParseFee(seed.Fees, out var parsedFee) ? parsedFee : null);
            var procedure = new Procedure
            {
                Code = seed.Code, Name = N(seed.Name), FoldedName = ProcedureRules.Fold(seed.Name), Field = field, Level = level,
                ProcedureType = seed.ProcedureType, ImplementingBody = N(seed.ImplementingBody), CompetentBody = seed.CompetentBody,
                WhereToSubmit = seed.WhereToSubmit, Steps = seed.Steps.Select(N).ToList(),
                Ways = seed.Ways.Select(w => new SubmissionWay { Channel = w.Channel, ProcessingTime = w.ProcessingTime, Fee = w.Fee, Description = w.Description }).ToList(),
                Dossier = dossier, ProcessingTime = N(seed.ProcessingTime), Fees = N(seed.Fees), FeeAmount = feeAmount, Subjects = N(seed.Subjects),
                Result = N(seed.Result), LegalBases = seed.LegalBases.Select(l => new LegalBasis { Text = N(l.Text) }).ToList(),
                Requirements = seed.Requirements is null or "Không" ? null : N(seed.Requirements), OnlineLevel = seed.Online, PortalUrl = seed.PortalUrl,
                Units = handling.Select(h => new ProcedureUnit { Unit = h.Unit, SortOrder = h.Order }).ToList(),
                DecisionNumber = seed.Decision?.Number, DecisionDate = seed.Decision?.Date, Status = seed.Status, StatusSince = seed.StatusSince,
                ReplacedByCode = seed.ReplacedBy, Version = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now,
            };
            var snapshot = ProcedureSnapshot.ToJson(ProcedureSnapshot.Fields(procedure, field.Name, level.Name, seed.Units));
            var number = 0;
            foreach (var step in seed.History.OrderBy(h => h.Date))
                procedure.Revisions.Add(new ProcedureRevision
                {
                    Number = ++number, At = Text.VietnamTime.StartOfDayUtc(step.Date), Source = "Dữ liệu khởi tạo", Change = step.Change,
                    DecisionNumber = step.Decision, DecisionDate = step.Date, Snapshot = snapshot,
                });
            if (number == 0)
                procedure.Revisions.Add(new ProcedureRevision { Number = 1, At = now, Source = "Dữ liệu khởi tạo", Snapshot = snapshot });
            db.Procedures.Add(procedure);
        }
        foreach (var seed in file.Procedures.Where(s => s.ReplacedBy is not null && !codes.Contains(s.ReplacedBy)))
            throw new InvalidDataException($"{path}: procedure '{seed.Code}' is replaced by '{seed.ReplacedBy}', which the file does not list.");
        await db.SaveChangesAsync(ct);
        foreach (var (component, form) in forms)
            component.FormAssetId = form.Id;
        await db.SaveChangesAsync(ct);
        return file.Procedures.Count;
    }

    private static string N(string text) => text.Normalize(NormalizationForm.FormC);
}
