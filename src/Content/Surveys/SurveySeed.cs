using System.Text.Json;
using System.Text.Json.Serialization;
using CchcSite.Content.Data;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Surveys;

/// <summary>
/// Reads <c>seed/surveys.json</c>: surveys built from a template (<see cref="SurveyTemplates"/>, the editor's one way to
/// define them), dated either absolutely or relative to the seeding day (so an open one stays open on a new site). A sample
/// survey gets generated responses — the same every time, from a fixed random seed — stored like a desk kiosk's (no token)
/// and marked as sample data. The surveys are part of the seed's one transaction (a seed folder without the file seeds none);
/// their responses, hundreds of rows no first page needs, are added after the site serves (<see cref="AddSampleResponsesAsync"/>).
/// </summary>
public static class SurveySeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private sealed record File(string Note, List<SurveyRow> Surveys);

    /// <summary><paramref name="Satisfied"/>: the share of generated respondents who lean to satisfied (their ratings centre on 4–5).</summary>
    private sealed record SurveyRow(string Slug, string Unit, SurveyTemplate Template, string? Title, string? Intro, SurveyAudience Audience, SurveyState State,
        DateOnly? OpensOn, DateOnly? ClosesOn, int? OpensInDays, int? Days, int? TargetPercent, string? TargetLabel, bool Sample, int SampleResponses,
        double Satisfied, List<string>? SampleComments);

    public static async Task<int> ImportAsync(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units, DateTime now, CancellationToken ct)
    {
        if (!System.IO.File.Exists(path))
            return 0;
        var file = await ReadAsync(path, ct);
        var today = VietnamTime.DateOf(now);
        foreach (var row in file.Surveys)
        {
            if (!units.TryGetValue(row.Unit, out var unit))
                throw new InvalidDataException($"{path}: {row.Slug} names a unit that is not in units.json.");
            var opens = row.OpensOn ?? (row.OpensInDays is { } offset ? today.AddDays(offset) : throw new InvalidDataException($"{path}: {row.Slug} has no opening day."));
            var closes = row.ClosesOn ?? (row.Days is { } days ? opens.AddDays(days - 1) : throw new InvalidDataException($"{path}: {row.Slug} has no closing day."));
            if (closes < opens)
                throw new InvalidDataException($"{path}: {row.Slug} closes before it opens.");
            var (target, label) = SurveyTemplates.Target(row.Template);
            var survey = new Survey
            {
                Unit = unit, Slug = row.Slug, Title = row.Title ?? SurveyTemplates.Title(row.Template, unit.Name), Intro = row.Intro ?? SurveyTemplates.Intro(row.Template),
                Audience = row.Audience, State = row.State, OpensAt = VietnamTime.StartOfDayUtc(opens), ClosesAt = VietnamTime.StartOfDayUtc(closes.AddDays(1)),
                TargetPercent = row.TargetPercent ?? target, TargetLabel = row.TargetLabel ?? label, IsSample = row.Sample, CreatedAt = now, UpdatedAt = now,
                SampleDataPending = row.SampleResponses > 0,
            };
            if (row.SampleResponses > 0 && !row.Sample)
                throw new InvalidDataException($"{path}: {row.Slug} has generated responses, so it must be marked as sample.");
            db.Surveys.Add(survey);
            await db.SaveChangesAsync(ct);
            await SurveyTemplates.AddQuestionsAsync(db, survey, row.Template, ct);
        }
        return file.Surveys.Count;
    }

    /// <summary>
    /// Adds the generated responses of a seeded survey whose <see cref="Survey.SampleDataPending"/> is set, as its row in
    /// <paramref name="path"/> asks, and clears the mark; the caller saves both in one transaction. The survey's dates are
    /// those the seed stored, so the responses are the ones the seed itself would have added.
    /// </summary>
    public static async Task AddSampleResponsesAsync(CchcDbContext db, string path, Survey survey, CancellationToken ct)
    {
        await db.Entry(survey).Reference(s => s.Unit).LoadAsync(ct);
        var row = (await ReadAsync(path, ct)).Surveys.SingleOrDefault(r => r.Slug == survey.Slug && r.Unit == survey.Unit.Slug)
                  ?? throw new InvalidDataException($"{path}: no survey {survey.Slug} of {survey.Unit.Slug}, whose sample responses are still to be added.");
        await db.Entry(survey).Collection(s => s.Questions).Query().Include(q => q.Options).LoadAsync(ct);
        AddSampleResponses(db, survey, row, VietnamTime.DateOf(survey.OpensAt), VietnamTime.DateOf(survey.ClosesAt).AddDays(-1));
        survey.SampleDataPending = false;
    }

    private static async Task<File> ReadAsync(string path, CancellationToken ct) =>
        JsonSerializer.Deserialize<File>(await System.IO.File.ReadAllTextAsync(path, ct), Json)
        ?? throw new InvalidDataException($"{path}: expected an object with surveys.");

    /// <summary>
    /// Plausible respondents: each leans satisfied or not, rates every scale around that leaning, sometimes had feedback to
    /// give (then rates its handling), sometimes leaves a comment; their days spread over the survey's dates.
    /// </summary>
    private static void AddSampleResponses(CchcDbContext db, Survey survey, SurveyRow row, DateOnly opens, DateOnly closes)
    {
        var random = new Random(2024);
        var questions = survey.Questions.OrderBy(q => q.Order).ToList();
        var span = closes.DayNumber - opens.DayNumber + 1;
        for (var n = 0; n < row.SampleResponses; n++)
        {
            var satisfied = random.NextDouble() < row.Satisfied;
            var answers = new Dictionary<int, QuestionnaireAnswer>();
            foreach (var question in questions)
            {
                var options = question.Options.OrderBy(o => o.Order).Select(o => o.Id).ToList();
                QuestionnaireAnswer? answer = question.Kind switch
                {
                    QuestionKind.SingleChoice => new([PickOne(random, question, options, satisfied)], null),
                    QuestionKind.MultipleChoice when random.NextDouble() < 0.8 => new([.. options.Where(_ => random.NextDouble() < 0.35).DefaultIfEmpty(options[0])], null),
                    QuestionKind.Scale => new([], Rating(random, satisfied).ToString()),
                    QuestionKind.LongText when row.SampleComments is { Count: > 0 } comments && random.NextDouble() < 0.12 => new([], comments[random.Next(comments.Count)]),
                    _ => null,
                };
                if (answer is not null)
                    answers[question.Id] = answer;
            }
            // The site's own rules decide what is kept (a conditional question unanswered when its condition is not met).
            var (errors, kept) = QuestionnaireAnswers.Check([.. questions.Select(q => q.ToAnswerable())], answers);
            if (errors.Count > 0)
                throw new InvalidOperationException($"{row.Slug}: a generated response breaks the survey's rules: {string.Join(" ", errors.Values)}");
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = survey.Id, SurveyVersion = survey.Version, Day = opens.AddDays(random.Next(span)), IsSample = true,
                Answers = [.. kept.Select(a => SurveyResponses.ToStored(a.Key, questions.Single(q => q.Id == a.Key).Kind, a.Value))],
            });
        }
    }

    /// <summary>A choice: the first option more often for the satisfied (who also had feedback less often: "Không" is the second option).</summary>
    private static int PickOne(Random random, SurveyQuestion question, List<int> options, bool satisfied)
    {
        if (question.IsIndicator)
            return random.NextDouble() < (satisfied ? 0.9 : 0.25) ? options[0] : options[1 + random.Next(options.Count - 1)];
        if (options.Count == 2 && question.Options.Any(o => o.Text == "Có"))
            return random.NextDouble() < (satisfied ? 0.08 : 0.3) ? options[0] : options[1];
        return random.NextDouble() < 0.7 ? options[0] : options[random.Next(options.Count)];
    }

    private static int Rating(Random random, bool satisfied)
    {
        var roll = random.NextDouble();
        return satisfied ? (roll < 0.55 ? 5 : roll < 0.95 ? 4 : 3) : (roll < 0.15 ? 1 : roll < 0.45 ? 2 : roll < 0.85 ? 3 : 4);
    }
}
