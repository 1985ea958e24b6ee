using CchcSite.Content.Contests;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Contests;

/// <summary>A participant's way through a round on a real database: one attempt per person, answers saved, scored once on time.</summary>
public sealed class ContestEntriesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private DateTime Now => _database.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A published contest whose one round is open now, with <paramref name="questions"/> questions: option "Đúng" is correct (two of them on even questions, which are multiple choice).</summary>
    private async Task<Contest> ContestAsync(int questions = 4, int perAttempt = 3, int attempts = 1)
    {
        var unit = await _database.AddUnitAsync("so-gddt");
        await using var db = _database.NewContext();
        var contest = new Contest
        {
            UnitId = unit.Id, Slug = "hoi-thi-thu", Title = "Hội thi thử", Status = ContestStatus.Published, QuestionsPerAttempt = perAttempt,
            TimeLimitSeconds = 300, AttemptsPerRound = attempts, GuessQuestion = "Bao nhiêu người trả lời đúng tất cả?",
            CreatedAt = Now, UpdatedAt = Now,
            Rounds = [new ContestRound { Number = 1, OpensAt = Now.AddDays(-1), ClosesAt = Now.AddDays(6) }],
            Questions =
            [
                .. Enumerable.Range(1, questions).Select(i => new ContestQuestion
                {
                    Text = $"Câu {i}", Order = i, Kind = i % 2 == 0 ? QuestionKind.MultipleChoice : QuestionKind.SingleChoice, Explanation = $"Giải thích {i}",
                    Options =
                    [
                        new ContestOption { Text = "Đúng", Order = 1, IsCorrect = true },
                        new ContestOption { Text = "Sai", Order = 2 },
                        new ContestOption { Text = i % 2 == 0 ? "Cũng đúng" : "Cũng sai", Order = 3, IsCorrect = i % 2 == 0 },
                    ],
                }),
            ],
        };
        db.Contests.Add(contest);
        await db.SaveChangesAsync();
        return contest;
    }

    private static ContestEntryInput Person(string phone = "0912 345 678", string? email = null) =>
        new() { FullName = "Nguyễn Văn An", Phone = phone, Email = email, BirthYear = 1990, Address = "Phường 1, thị xã Ngã Năm" };

    private async Task<Guid> StartAsync(ContestEntryInput input)
    {
        await using var db = _database.NewContext();
        var outcome = await _database.Get<ContestEntries>(db).StartAsync("hoi-thi-thu", input, default);
        return Assert.IsType<Outcome<Guid>.Ok>(outcome).Value;
    }

    private async Task<T> WithAsync<T>(Func<ContestEntries, Task<T>> action)
    {
        await using var db = _database.NewContext();
        return await action(_database.Get<ContestEntries>(db));
    }

    /// <summary>The correct option ids of each question of the paper, read from the database as a test may.</summary>
    private async Task<Dictionary<int, int[]>> CorrectAsync()
    {
        await using var db = _database.NewContext();
        return await db.ContestOptions.Where(o => o.IsCorrect).GroupBy(o => o.QuestionId).ToDictionaryAsync(g => g.Key, g => g.Select(o => o.Id).ToArray());
    }

    [Fact]
    public async Task An_attempt_draws_its_share_of_the_bank_and_a_reload_shows_the_same_paper_with_the_saved_answers()
    {
        await ContestAsync(questions: 6, perAttempt: 4);
        var token = await StartAsync(Person());
        var paper = (await WithAsync(e => e.PaperAsync(token, default)))!;
        Assert.Equal(4, paper.Questions.Count);
        Assert.Equal(4, paper.Questions.Select(q => q.Id).Distinct().Count());
        Assert.Equal(300, paper.SecondsLeft);

        var first = paper.Questions[0];
        Assert.True((await WithAsync(e => e.SaveAsync(token, first.Id, [first.Options[1].Id], default))).IsOk);
        _database.Clock.Advance(TimeSpan.FromSeconds(40));

        var again = (await WithAsync(e => e.PaperAsync(token, default)))!;
        Assert.Equal(paper.Questions.Select(q => (q.Id, string.Join(',', q.Options.Select(o => o.Id)))),
            again.Questions.Select(q => (q.Id, string.Join(',', q.Options.Select(o => o.Id)))));
        Assert.Equal([first.Options[1].Id], again.Questions[0].Chosen);
        Assert.Equal(260, again.SecondsLeft);
    }

    [Fact]
    public async Task The_score_counts_exact_answers_only_and_a_second_submission_changes_nothing()
    {
        await ContestAsync(questions: 4, perAttempt: 4);
        var token = await StartAsync(Person());
        var paper = (await WithAsync(e => e.PaperAsync(token, default)))!;
        var correct = await CorrectAsync();
        var answers = new Dictionary<int, IReadOnlyCollection<int>>();
        foreach (var q in paper.Questions)
            // Every single-choice question right; every multiple-choice one with only one of its two correct options.
            answers[q.Id] = q.Kind == QuestionKind.SingleChoice ? correct[q.Id] : [correct[q.Id][0]];
        _database.Clock.Advance(TimeSpan.FromSeconds(75));

        Assert.True((await WithAsync(e => e.SubmitAsync(token, answers, 42, default))).IsOk);
        _database.Clock.Advance(TimeSpan.FromSeconds(30));
        var allRight = paper.Questions.ToDictionary(q => q.Id, q => (IReadOnlyCollection<int>)correct[q.Id]);
        Assert.True((await WithAsync(e => e.SubmitAsync(token, allRight, 7, default))).IsOk);

        await using var db = _database.NewContext();
        var stored = await db.ContestAttempts.SingleAsync();
        Assert.Equal((2, 75, 42), (stored.Score, stored.DurationSeconds, stored.Guess));
        Assert.Equal(Now.AddSeconds(-30), stored.SubmittedAt);
        Assert.IsType<Outcome<bool>.Conflict>(await WithAsync(e => e.SaveAsync(token, paper.Questions[0].Id, [], default)));
    }

    [Fact]
    public async Task Past_the_limit_answers_are_refused_and_a_late_submission_counts_what_was_saved_in_time_for_the_limit()
    {
        await ContestAsync(questions: 2, perAttempt: 2);
        var token = await StartAsync(Person());
        var paper = (await WithAsync(e => e.PaperAsync(token, default)))!;
        var correct = await CorrectAsync();
        var q1 = paper.Questions[0];
        Assert.True((await WithAsync(e => e.SaveAsync(token, q1.Id, correct[q1.Id], default))).IsOk);

        _database.Clock.Advance(TimeSpan.FromSeconds(300 + 30));
        var q2 = paper.Questions[1];
        Assert.IsType<Outcome<bool>.Refused>(await WithAsync(e => e.SaveAsync(token, q2.Id, correct[q2.Id], default)));
        var all = paper.Questions.ToDictionary(q => q.Id, q => (IReadOnlyCollection<int>)correct[q.Id]);
        Assert.True((await WithAsync(e => e.SubmitAsync(token, all, 5, default))).IsOk);

        await using var db = _database.NewContext();
        var stored = await db.ContestAttempts.SingleAsync();
        Assert.Equal((1, 300, (int?)null), (stored.Score, stored.DurationSeconds, stored.Guess));
    }

    [Fact]
    public async Task A_paper_never_sent_is_submitted_by_the_server_when_its_time_has_run_out_with_what_was_saved()
    {
        await ContestAsync(questions: 2, perAttempt: 2);
        var started = Now;
        var token = await StartAsync(Person());
        var paper = (await WithAsync(e => e.PaperAsync(token, default)))!;
        var correct = await CorrectAsync();
        var q1 = paper.Questions[0];
        Assert.True((await WithAsync(e => e.SaveAsync(token, q1.Id, correct[q1.Id], default))).IsOk);

        // Within the limit and its grace the paper stays open: a read changes nothing.
        _database.Clock.Advance(TimeSpan.FromSeconds(300) + AttemptTimer.Grace);
        Assert.False((await WithAsync(e => e.PaperAsync(token, default)))!.Submitted);
        Assert.Null(await WithAsync(e => e.ResultAsync(token, default)));

        // Past it, the first read submits it: at its deadline, for the whole limit, scored on the saved answers.
        _database.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await WithAsync(e => e.PaperAsync(token, default)))!.Submitted);
        var result = (await WithAsync(e => e.ResultAsync(token, default)))!;
        Assert.Equal((1, 2, 300), (result.Score, result.OutOf, result.DurationSeconds));
        await using var db = _database.NewContext();
        var stored = await db.ContestAttempts.SingleAsync();
        Assert.Equal((started.AddSeconds(300), 1), (stored.SubmittedAt, stored.Score));
    }

    [Fact]
    public async Task A_late_submission_is_the_one_the_server_would_have_made_at_the_deadline()
    {
        await ContestAsync(questions: 2, perAttempt: 2);
        var started = Now;
        var token = await StartAsync(Person());
        _database.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True((await WithAsync(e => e.SubmitAsync(token, new Dictionary<int, IReadOnlyCollection<int>>(), 3, default))).IsOk);

        await using var db = _database.NewContext();
        var stored = await db.ContestAttempts.SingleAsync();
        Assert.Equal((started.AddSeconds(300), 300, 0, (int?)null), (stored.SubmittedAt, stored.DurationSeconds, stored.Score, stored.Guess));
    }

    [Fact]
    public async Task Results_and_the_organisers_entries_rank_an_abandoned_paper_and_two_nodes_submit_it_once()
    {
        var contest = await ContestAsync(questions: 2, perAttempt: 2);
        var finished = await StartAsync(Person("0912 000 111"));
        Assert.True((await WithAsync(e => e.SubmitAsync(finished, new Dictionary<int, IReadOnlyCollection<int>>(), null, default))).IsOk);
        var abandoned = await StartAsync(Person("0912 000 222"));
        var paper = (await WithAsync(e => e.PaperAsync(abandoned, default)))!;
        var correct = await CorrectAsync();
        foreach (var q in paper.Questions)
            Assert.True((await WithAsync(e => e.SaveAsync(abandoned, q.Id, correct[q.Id], default))).IsOk);
        // One still answering when the others read: not submitted by them.
        _database.Clock.Advance(TimeSpan.FromSeconds(200));
        var answering = await StartAsync(Person("0912 000 333"));
        _database.Clock.Advance(TimeSpan.FromSeconds(200));

        // Two nodes read at once: each finds the paper unsent, one writes it.
        await using (var one = _database.NewContext())
        await using (var two = _database.NewContext())
        {
            var counts = await Task.WhenAll(
                _database.Get<ContestSubmission>(one).SubmitExpiredAsync(a => a.Round.ContestId == contest.Id, 300, Now, default),
                _database.Get<ContestSubmission>(two).SubmitExpiredAsync(a => a.Round.ContestId == contest.Id, 300, Now, default));
            Assert.Equal(1, counts.Sum());
        }
        await using (var db = _database.NewContext())
        {
            var entries = await _database.Get<ContestOrganising>(db).EntriesAsync(contest.Id, default);
            Assert.Equal([("0912000222", 2), ("0912000111", 0)], entries.Select(e => (e.Phone!, e.Score)));
        }

        _database.Clock.Advance(TimeSpan.FromDays(7));
        await using (var db = _database.NewContext())
        {
            var round = await db.ContestRounds.SingleAsync();
            var results = await _database.Get<PublicContests>(db).RoundResultsAsync(contest, round, default);
            Assert.Equal([2, 0, 0], results.Rows.Select(r => r.Score));
            Assert.Equal(3, await db.ContestAttempts.CountAsync(a => a.SubmittedAt != null));
            Assert.Equal(await db.ContestAttempts.Where(a => a.Token == answering).Select(a => a.StartedAt.AddSeconds(300)).SingleAsync(),
                await db.ContestAttempts.Where(a => a.Token == answering).Select(a => a.SubmittedAt).SingleAsync());
        }
    }

    [Fact]
    public async Task An_entry_that_stands_gets_a_certificate_whose_vietnamese_text_reads_back_from_the_pdf()
    {
        await ContestAsync(questions: 2, perAttempt: 2);
        var token = await StartAsync(Person());
        Assert.Null(await WithAsync(e => e.CertificateAsync(token, default)));
        var paper = (await WithAsync(e => e.PaperAsync(token, default)))!;
        var correct = await CorrectAsync();
        var answers = new Dictionary<int, IReadOnlyCollection<int>> { [paper.Questions[0].Id] = correct[paper.Questions[0].Id] };
        Assert.True((await WithAsync(e => e.SubmitAsync(token, answers, null, default))).IsOk);

        var entry = (await WithAsync(e => e.CertificateAsync(token, default)))!;
        var pdf = ContestCertificate.Render(entry, "https://cchc.example.vn/");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Join(" ", Assert.Single(document.GetPages()).GetWords().Select(w => w.Text));
        Assert.Contains("GIẤY CHỨNG NHẬN", text);
        Assert.Contains("Nguyễn Văn An", text);
        Assert.Contains("Phường 1, thị xã Ngã Năm", text);
        Assert.Contains("Hội thi thử", text);
        Assert.Contains("đã tham gia Đợt 1", text);
        Assert.Contains("trả lời đúng 1/2 câu hỏi", text);
        Assert.Contains("https://cchc.example.vn/hoi-thi/hoi-thi-thu", text);

        // A disqualified entry has none.
        await using (var db = _database.NewContext())
            await db.ContestAttempts.ExecuteUpdateAsync(set => set.SetProperty(a => a.DisqualifiedReason, "Nhờ người khác làm bài"));
        Assert.Null(await WithAsync(e => e.CertificateAsync(token, default)));
    }

    [Fact]
    public async Task One_attempt_per_normalised_phone_or_email_per_round()
    {
        await ContestAsync();
        await StartAsync(Person("0912 345 678", "an@example.vn"));

        foreach (var other in new[] { Person("+84 912.345.678"), Person("0987 654 321", "AN@Example.vn ") })
        {
            var refused = await WithAsync(e => e.StartAsync("hoi-thi-thu", other, default));
            Assert.Equal(ContestEntries.AlreadyEntered, Assert.IsType<Outcome<Guid>.Refused>(refused).Reason);
        }
        await StartAsync(Person("0987 654 321"));
        await using var db = _database.NewContext();
        Assert.Equal(2, await db.ContestAttempts.CountAsync());
    }

    [Fact]
    public async Task A_contest_allowing_two_attempts_takes_a_second_and_refuses_a_third()
    {
        await ContestAsync(attempts: 2);
        await StartAsync(Person());
        await StartAsync(Person("84912345678"));
        Assert.IsType<Outcome<Guid>.Refused>(await WithAsync(e => e.StartAsync("hoi-thi-thu", Person(), default)));
    }

    [Fact]
    public async Task Details_are_checked_in_Vietnamese_and_a_closed_round_takes_no_one()
    {
        await ContestAsync();
        var invalid = Assert.IsType<Outcome<Guid>.Invalid>(await WithAsync(e => e.StartAsync("hoi-thi-thu",
            new ContestEntryInput { FullName = " ", Phone = "12ab", BirthYear = 1800 }, default)));
        Assert.Equal(["BirthYear", "FullName", "Phone"], invalid.Errors.Keys.Order());
        Assert.IsType<Outcome<Guid>.Invalid>(await WithAsync(e => e.StartAsync("hoi-thi-thu", new ContestEntryInput { FullName = "An" }, default)));

        _database.Clock.Advance(TimeSpan.FromDays(7));
        Assert.IsType<Outcome<Guid>.Refused>(await WithAsync(e => e.StartAsync("hoi-thi-thu", Person(), default)));
        Assert.IsType<Outcome<Guid>.NotFound>(await WithAsync(e => e.StartAsync("khong-co", Person(), default)));
    }

    [Fact]
    public async Task A_single_choice_question_takes_one_option_and_an_option_of_another_question_is_refused()
    {
        await ContestAsync(questions: 2, perAttempt: 2);
        var token = await StartAsync(Person());
        var paper = (await WithAsync(e => e.PaperAsync(token, default)))!;
        var single = paper.Questions.Single(q => q.Kind == QuestionKind.SingleChoice);
        var multiple = paper.Questions.Single(q => q.Kind == QuestionKind.MultipleChoice);
        Assert.IsType<Outcome<bool>.Invalid>(await WithAsync(e => e.SaveAsync(token, single.Id, [single.Options[0].Id, single.Options[1].Id], default)));
        Assert.IsType<Outcome<bool>.Invalid>(await WithAsync(e => e.SaveAsync(token, single.Id, [multiple.Options[0].Id], default)));
        Assert.True((await WithAsync(e => e.SaveAsync(token, multiple.Id, [multiple.Options[0].Id, multiple.Options[1].Id], default))).IsOk);
    }

    [Fact]
    public async Task Results_of_a_closed_round_rank_entries_mask_contacts_leave_out_the_disqualified_and_rank_a_paper_never_sent_last()
    {
        await ContestAsync(questions: 2, perAttempt: 2);
        var correct = await CorrectAsync();
        async Task<Guid> EnterAsync(string phone, int right, int guess, int seconds)
        {
            var token = await StartAsync(Person(phone));
            var paper = (await WithAsync(e => e.PaperAsync(token, default)))!;
            var answers = paper.Questions.Select((q, i) => (q.Id, Chosen: i < right ? correct[q.Id] : [])).ToDictionary(a => a.Id, a => (IReadOnlyCollection<int>)a.Chosen);
            _database.Clock.Advance(TimeSpan.FromSeconds(seconds));
            Assert.True((await WithAsync(e => e.SubmitAsync(token, answers, guess, default))).IsOk);
            return token;
        }
        await EnterAsync("0911111111", 2, 9, 50);
        await EnterAsync("0922222222", 2, 3, 80);
        await EnterAsync("0933333333", 1, 2, 10);
        var cheat = await EnterAsync("0944444444", 2, 2, 5);
        // Started, nothing answered, never sent: the server submits it when its time runs out, with nothing right.
        await StartAsync(Person("0955555555"));
        await using (var db = _database.NewContext())
            await db.ContestAttempts.Where(a => a.Token == cheat).ExecuteUpdateAsync(s => s.SetProperty(a => a.DisqualifiedReason, "Trùng người dự thi"));

        Assert.Null(await WithPublicAsync(p => p.ResultsAsync("hoi-thi-thu", 1, default)));
        _database.Clock.Advance(TimeSpan.FromDays(7));
        var results = (await WithPublicAsync(p => p.ResultsAsync("hoi-thi-thu", 1, default)))!;

        var round = Assert.Single(results.Rounds);
        Assert.Equal(2, round.PerfectCount);
        Assert.Equal(["09xx xxx 222", "09xx xxx 111", "09xx xxx 333", "09xx xxx 555"], round.Rows.Select(r => r.MaskedContact));
        Assert.Equal([2, 2, 1, 0], round.Rows.Select(r => r.Score));
        Assert.Equal(["Giải Nhất", "Giải Nhì", "Giải Nhì", "Giải Ba"], round.Rows.Select(r => r.Prize));
    }

    private async Task<T> WithPublicAsync<T>(Func<PublicContests, Task<T>> action)
    {
        await using var db = _database.NewContext();
        return await action(_database.Get<PublicContests>(db));
    }
}
