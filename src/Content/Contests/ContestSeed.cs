using System.Text.Json;
using CchcSite.Content.Data;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>
/// Reads <c>seed/contests.json</c>: contests sharing one question bank (each gets its own copy). A round is given either by
/// its dates or relative to the first start (<c>opensInDays</c>, <c>days</c>), so a new site always has one open. A sample
/// contest gets generated participants whose papers the site scores with <see cref="ContestScoring"/> like any other.
/// The contests are part of the seed's one transaction (a seed folder without the file seeds none); their participants,
/// thousands of rows no first page needs, are added after the site serves (<see cref="AddSampleEntriesAsync"/>).
/// </summary>
public static class ContestSeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed record File(string Note, List<ContestRow> Contests, List<QuestionRow> Questions);

    private sealed record ContestRow(string Slug, string Unit, string Title, string Summary, string Rules, ContestAudience Audience,
        int QuestionsPerAttempt, int TimeLimitSeconds, string? GuessQuestion, bool Sample, int SampleEntriesPerRound, List<string>? SampleUnits,
        List<RoundRow> Rounds);

    private sealed record RoundRow(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? OpensInDays, int? Days);

    private sealed record QuestionRow(string Text, List<string> Options, List<int> Correct, string Explanation);

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Lâm", "Thạch", "Danh", "Đặng"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Kim", "Quốc"];
    private static readonly string[] GivenNames = ["An", "Bình", "Châu", "Dung", "Giang", "Hạnh", "Khoa", "Lan", "Mai", "Nam", "Phúc", "Quyên", "Sơn", "Tâm", "Uyên", "Vy"];

    public static async Task<int> ImportAsync(CchcDbContext db, string path, IReadOnlyDictionary<string, Unit> units, DateTime now, CancellationToken ct)
    {
        if (!System.IO.File.Exists(path))
            return 0;
        var file = await ReadAsync(path, ct);
        foreach (var (question, i) in file.Questions.Select((q, i) => (q, i + 1)))
        {
            var problems = QuestionnaireRules.Problems(QuestionKind.SingleChoice, question.Text, question.Options).ToList();
            if (question.Correct.Count != 1 || question.Correct[0] < 0 || question.Correct[0] >= question.Options.Count)
                problems.Add("exactly one correct option is needed");
            if (problems.Count > 0 || string.IsNullOrWhiteSpace(question.Explanation))
                throw new InvalidDataException($"{path}: question {i}: {string.Join(" ", problems.DefaultIfEmpty("an explanation is needed"))}");
        }
        foreach (var row in file.Contests)
        {
            if (!units.TryGetValue(row.Unit, out var unit))
                throw new InvalidDataException($"{path}: {row.Slug} names a unit that is not in units.json.");
            var contest = new Contest
            {
                Unit = unit, Slug = row.Slug, Title = row.Title, Summary = row.Summary, RulesMarkdown = row.Rules, Audience = row.Audience,
                Status = ContestStatus.Published, PublishedAt = now, QuestionsPerAttempt = row.QuestionsPerAttempt, TimeLimitSeconds = row.TimeLimitSeconds,
                GuessQuestion = row.GuessQuestion, IsSample = row.Sample, SampleDataPending = row.Sample && row.SampleEntriesPerRound > 0,
                CreatedAt = now, UpdatedAt = now,
                Rounds = [.. row.Rounds.Select((r, i) => ToRound(path, row.Slug, r, i + 1, now))],
                Questions =
                [
                    .. file.Questions.Select((q, i) => new ContestQuestion
                    {
                        Text = q.Text, Kind = QuestionKind.SingleChoice, Order = i + 1, Explanation = q.Explanation,
                        Options = [.. q.Options.Select((o, j) => new ContestOption { Text = o, Order = j + 1, IsCorrect = q.Correct.Contains(j) })],
                    }),
                ],
            };
            db.Contests.Add(contest);
        }
        await db.SaveChangesAsync(ct);
        return file.Contests.Count;
    }

    /// <summary>
    /// Adds the generated participants of a seeded contest whose <see cref="Contest.SampleDataPending"/> is set, as its row in
    /// <paramref name="path"/> asks, and clears the mark; the caller saves both in one transaction. The rounds, questions and
    /// options are taken in the seed's order, so the papers are the ones the seed itself would have drawn.
    /// </summary>
    public static async Task AddSampleEntriesAsync(CchcDbContext db, string path, Contest contest, CancellationToken ct)
    {
        await db.Entry(contest).Reference(c => c.Unit).LoadAsync(ct);
        var row = (await ReadAsync(path, ct)).Contests.SingleOrDefault(r => r.Slug == contest.Slug && r.Unit == contest.Unit.Slug)
                  ?? throw new InvalidDataException($"{path}: no contest {contest.Slug} of {contest.Unit.Slug}, whose sample participants are still to be added.");
        await db.Entry(contest).Collection(c => c.Rounds).LoadAsync(ct);
        await db.Entry(contest).Collection(c => c.Questions).Query().Include(q => q.Options).LoadAsync(ct);
        contest.Rounds.Sort((a, b) => a.Number.CompareTo(b.Number));
        contest.Questions.Sort((a, b) => a.Order.CompareTo(b.Order));
        foreach (var question in contest.Questions)
            question.Options.Sort((a, b) => a.Order.CompareTo(b.Order));
        var slugs = row.SampleUnits ?? [];
        var units = await db.Units.Where(u => slugs.Contains(u.Slug)).ToDictionaryAsync(u => u.Slug, ct);
        AddSampleEntries(db, contest, row, units);
        contest.SampleDataPending = false;
    }

    private static async Task<File> ReadAsync(string path, CancellationToken ct) =>
        JsonSerializer.Deserialize<File>(await System.IO.File.ReadAllTextAsync(path, ct), Json)
        ?? throw new InvalidDataException($"{path}: expected an object with contests and questions.");

    private static ContestRound ToRound(string path, string slug, RoundRow row, int number, DateTime now)
    {
        var opens = row.OpensAt?.UtcDateTime ?? (row.OpensInDays is { } days ? now.Date.AddDays(days) : throw new InvalidDataException($"{path}: {slug} round {number} has no opening."));
        var closes = row.ClosesAt?.UtcDateTime ?? (row.Days is { } length ? opens.AddDays(length) : throw new InvalidDataException($"{path}: {slug} round {number} has no closing."));
        if (closes <= opens)
            throw new InvalidDataException($"{path}: {slug} round {number} closes before it opens.");
        return new ContestRound { Number = number, OpensAt = DateTime.SpecifyKind(opens, DateTimeKind.Utc), ClosesAt = DateTime.SpecifyKind(closes, DateTimeKind.Utc) };
    }

    /// <summary>
    /// Generated participants of a past contest (the same ones every time: a fixed random seed), each with a paper drawn like
    /// a real one, answers right with their own likelihood, scored by the site's own rule.
    /// </summary>
    private static void AddSampleEntries(CchcDbContext db, Contest contest, ContestRow row, IReadOnlyDictionary<string, Unit> units)
    {
        var random = new Random(2022);
        var sampleUnits = (row.SampleUnits ?? []).Select(slug => units[slug]).ToList();
        foreach (var round in contest.Rounds)
        {
            var span = (round.ClosesAt - round.OpensAt).TotalSeconds - contest.TimeLimitSeconds;
            for (var n = 0; n < row.SampleEntriesPerRound; n++)
            {
                var skill = 0.6 + random.NextDouble() * 0.4;
                var drawn = contest.Questions.ToArray();
                random.Shuffle(drawn);
                var answers = drawn.Take(contest.QuestionsPerAttempt).Select((q, i) =>
                {
                    var options = q.Options.Select(o => o.Id).ToArray();
                    random.Shuffle(options);
                    var correct = q.Options.Single(o => o.IsCorrect).Id;
                    var chosen = random.NextDouble() < skill ? correct : options.First(id => id != correct);
                    return new ContestAnswer { QuestionId = q.Id, Position = i + 1, OptionOrder = ContestScoring.FormatIds(options), Chosen = chosen.ToString() };
                }).ToList();
                var started = round.OpensAt.AddSeconds(Math.Floor(random.NextDouble() * span));
                var duration = random.Next(90, contest.TimeLimitSeconds);
                var phone = $"09{random.Next(10_000_000, 99_999_999)}";
                var unit = sampleUnits.Count > 0 ? sampleUnits[random.Next(sampleUnits.Count)] : null;
                db.ContestAttempts.Add(new ContestAttempt
                {
                    RoundId = round.Id, Token = Guid.NewGuid(), IsSample = true,
                    FullName = $"{FamilyNames[random.Next(FamilyNames.Length)]} {MiddleNames[random.Next(MiddleNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}",
                    Phone = phone, UnitId = unit?.Id, Address = unit?.Name ?? "", BirthYear = random.Next(1965, 2000),
                    StartedAt = started, SubmittedAt = started.AddSeconds(duration), DurationSeconds = duration,
                    Score = ContestScoring.Score(answers.Select(a => (
                        (IReadOnlySet<int>)contest.Questions.Single(q => q.Id == a.QuestionId).Options.Where(o => o.IsCorrect).Select(o => o.Id).ToHashSet(),
                        ContestScoring.ParseIds(a.Chosen)))),
                    Guess = random.Next(0, 12),
                    Answers = answers,
                    Keys = [new ContestEntryKey { RoundId = round.Id, Key = "p:" + phone, Number = 1 }],
                });
            }
        }
    }
}
