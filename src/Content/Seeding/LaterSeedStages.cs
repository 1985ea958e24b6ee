using System.Text;
using CchcSite.Content.Categories;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Questions;
using CchcSite.Content.Site;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Seeding;

/// <summary>
/// The parts of the seed no first page reads — the images' variants, the answered questions, indexes, procedures with
/// their dossier results, oversight, submitted reports, contests and surveys: most of a new database's seeding CPU
/// (docs/perf.md) — imported after the site serves. <see cref="SeedImporter"/> marks each one pending (<see cref="PendingSeedStage"/>) in its own
/// transaction; here each part is imported and its mark deleted in one transaction, in the order of <see cref="Names"/> (a
/// later part may read an earlier one: dossier results name the procedures' fields). So a start stopped midway keeps the
/// finished parts and redoes only the unfinished one, and a database without marks (every start after the first) costs one
/// query. The caller keeps nodes from doing it together (<c>NodeLockNames.LaterSeed</c>); the sample data
/// (<see cref="SampleDataSeeder"/>) comes after, as it fills the contests and surveys made here.
/// </summary>
public sealed class LaterSeedStages(CchcDbContext db, IMediaStore media, MediaLibrary library, MediaCleanup cleanup, IOptions<SubmissionOptions> questions,
    IOptions<SiteOptions> site, TimeProvider clock, Reports.PeriodicReports reports, Reports.ReportSubmissions submissions,
    ILogger<LaterSeedStages> logger)
{
    /// <summary>The variants of the images the first part stored as they came (<see cref="SeedImageVariants"/>).</summary>
    public const string Images = "images";
    public const string Questions = "questions";
    public const string Indexes = "indexes";
    public const string Procedures = "procedures";
    public const string Oversight = "oversight";
    public const string Reports = "reports";
    public const string Contests = "contests";
    public const string Surveys = "surveys";

    /// <summary>Every later part, in the order they are imported.</summary>
    public static readonly IReadOnlyList<string> Names = [Images, Questions, Indexes, Procedures, Oversight, Reports, Contests, Surveys];

    /// <summary>Returns how many parts were imported.</summary>
    public async Task<int> ImportPendingAsync(CancellationToken ct)
    {
        var pending = await db.PendingSeedStages.Select(s => s.Name).ToListAsync(ct);
        if (pending.Count == 0)
            return 0;
        var root = Path.GetFullPath(site.Value.SeedPath);
        // Each part's file is optional, so a missing folder would drop the marks with nothing imported; they stay instead.
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Seed folder not found: {root}");
        var done = 0;
        foreach (var name in Names.Where(pending.Contains))
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                // Imported by another node since the list was read: nothing to do.
                if (await db.PendingSeedStages.SingleOrDefaultAsync(s => s.Name == name, ct) is { } mark)
                {
                    var replaced = await ImportAsync(name, root, ct);
                    db.PendingSeedStages.Remove(mark);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    await cleanup.DeleteUnusedAsync(replaced, ct);
                    done++;
                }
            }
            // The next part reads the units afresh; hundreds of rows need not stay tracked.
            db.ChangeTracker.Clear();
        }
        logger.LogInformation("Imported {Count} later parts of the seed from {Root}.", done, root);
        return done;
    }

    /// <summary>Adds one part (not yet saved); returns the stored files it replaced, to delete once it has committed.</summary>
    private async Task<IReadOnlyList<string>> ImportAsync(string name, string root, CancellationToken ct)
    {
        if (name == Images)
            return await new SeedImageVariants(db, media, library).AddAsync(ct);
        var units = await db.Units.ToDictionaryAsync(u => u.Slug, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        switch (name)
        {
            case Questions:
                await ImportQuestionsAsync(Path.Combine(root, "questions.json"), units, ct);
                break;
            case Indexes:
                await Content.Indexes.IndexSeed.ImportAsync(db, Path.Combine(root, "indexes.json"), units, now, ct);
                break;
            case Procedures:
                var files = new SeedFileImporter(db, media, library, Path.Combine(root, "files"), now);
                await Content.Procedures.ProcedureSeeding.AddAsync(db, Path.Combine(root, "procedures.json"), units,
                    (unit, file, token) => files.ImportAsync("procedures.json", unit, file, null, token), now, ct);
                await DossierResults.DossierSeed.ImportAsync(db, Path.Combine(root, "dossier-results.json"), units, now, ct);
                break;
            case Oversight:
                await Content.Oversight.OversightSeed.ImportAsync(db, Path.Combine(root, "oversight.json"), units, ct);
                break;
            case Reports:
                await Content.Reports.SubmittedReportSeed.ImportAsync(db, Path.Combine(root, "submitted-reports.json"), units, reports, submissions, ct);
                break;
            case Contests:
                await Content.Contests.ContestSeed.ImportAsync(db, Path.Combine(root, "contests.json"), units, now, ct);
                break;
            case Surveys:
                await Content.Surveys.SurveySeed.ImportAsync(db, Path.Combine(root, "surveys.json"), units, now, ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown seed part '{name}'.");
        }
        return [];
    }

    private async Task ImportQuestionsAsync(string path, Dictionary<string, Unit> units, CancellationToken ct)
    {
        if (!File.Exists(path))
            return;
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        foreach (var seed in SeedFileReader.ReadJson<QuestionSeed>(path))
            db.Submissions.Add(ToQuestion(seed, units, categories));
    }

    /// <summary>A question already answered and published in the Q&amp;A column, with the history it would have had.</summary>
    private Submission ToQuestion(QuestionSeed seed, Dictionary<string, Unit> units, Dictionary<string, Category> categories)
    {
        if (!units.TryGetValue(seed.Unit, out var unit))
            throw new InvalidDataException($"questions.json: '{seed.Title}' names unit '{seed.Unit}', which is not in units.json.");
        if (!categories.TryGetValue(seed.Category, out var category))
            throw new InvalidDataException($"questions.json: '{seed.Title}' names category '{seed.Category}', which is not in categories.json.");
        var asked = seed.AskedAt.UtcDateTime;
        var answered = seed.AnsweredAt.UtcDateTime;
        return new Submission
        {
            Kind = SubmissionKind.Question, TrackingCode = TrackingCode.New(), Unit = unit, Category = category,
            // Seeded questions have no real asker; the name is never shown publicly.
            Name = "Người hỏi (dữ liệu mẫu)", Title = seed.Title.Normalize(NormalizationForm.FormC), Text = seed.Question.Normalize(NormalizationForm.FormC),
            PublishConsent = true, Status = SubmissionStatus.Published, ReceivedAt = asked,
            DueOn = WorkingDays.Add(VietnamTime.DateOf(asked), questions.Value.ResponseWorkingDays),
            AnswerMarkdown = seed.Answer.Normalize(NormalizationForm.FormC), AnsweredByUnit = unit, AnsweredAt = answered, PublishedAt = answered,
            Version = Guid.NewGuid(),
            History =
            [
                new SubmissionEvent { At = asked, Step = SubmissionStep.Received },
                new SubmissionEvent { At = answered, Step = SubmissionStep.Answered },
                new SubmissionEvent { At = answered, Step = SubmissionStep.Published },
            ],
        };
    }
}
