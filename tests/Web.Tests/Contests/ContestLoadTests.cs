using System.Collections.Concurrent;
using CchcSite.Content.Contests;
using CchcSite.Testing;
using CchcSite.Testing.Contests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CchcSite.Web.Tests.Contests;

/// <summary>
/// The seeded contest site served by Kestrel on a free loopback port, so that requests go through real sockets, connection
/// handling and the per-address limit as a participant's phone would, not through the in-memory test server.
/// </summary>
public sealed class LoopbackContestSite : ContestSite
{
    public LoopbackContestSite()
    {
        UseKestrel(0);
        StartServer();
        // What start-up logs is not the load's: on a new PostgreSQL database EF's probe of the migrations table fails by design.
        Errors.Clear();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    /// <summary>What the site logged as an error, so that a failed request shows its cause in the test's message.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Pooled SQLite connections, as a deployment has them (the other test sites open one per use so that their folder
        // can be deleted at once): opening and closing a connection for every query is work a real site does not do at its peak.
        if (!TestPostgres.Enabled)
            builder.UseSetting("ConnectionStrings:Cchc", $"Data Source={Path.Combine(DataDirectory, "cchc.db")}");
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(Errors)));
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && errors.Count < 20)
                errors.Enqueue(formatter(state, exception) + " " + exception);
        }

        public void Dispose() { }
    }
}

/// <summary>
/// The last minutes before a round closes: 1,000 participants over loopback, at most 50 at a time, each enter their
/// details, open an attempt, save two answers, submit the whole form and submit again (a double click). Afterwards the
/// database holds each attempt once, submitted once, scored as <see cref="ContestScoring"/> says, and no request failed.
/// No timing is asserted: CI shares two cores with other work; the figures are in docs/perf.md.
/// </summary>
public sealed class ContestLoadTests(LoopbackContestSite site) : IClassFixture<LoopbackContestSite>
{
    private const int Participants = 1000;
    private const int AtOnce = 50;

    [Fact]
    public async Task A_thousand_participants_submitting_at_once_are_each_stored_once_and_scored_once_with_no_error()
    {
        var contest = await site.WithDbAsync(db => db.Contests.Where(c => c.Slug == ContestSite.Open).Select(c => new { c.Id, c.QuestionsPerAttempt }).SingleAsync());
        var options = await site.WithDbAsync(db => db.ContestOptions.Where(o => db.ContestQuestions.Any(q => q.Id == o.QuestionId && q.ContestId == contest.Id))
            .Select(o => new { o.QuestionId, o.Id, o.IsCorrect }).ToListAsync());
        var correct = options.Where(o => o.IsCorrect).GroupBy(o => o.QuestionId).ToDictionary(g => g.Key, g => g.Select(o => o.Id).Order().ToArray());
        var wrong = options.Where(o => !o.IsCorrect).GroupBy(o => o.QuestionId).ToDictionary(g => g.Key, g => g.First().Id);

        var failures = new ConcurrentBag<string>();
        var sent = new ConcurrentBag<ParticipantPaper>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await Parallel.ForEachAsync(Enumerable.Range(0, Participants), new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = deadline.Token },
            async (n, ct) =>
            {
                // Participant n answers the paper's question i right, wrong or not at all by (n + i) % 3, so that scores differ.
                Dictionary<int, int[]> Choose(IReadOnlyDictionary<int, IReadOnlyList<int>> paper) => paper.Keys.Select((q, i) => (q, i))
                    .Where(x => (n + x.i) % 3 != 2).ToDictionary(x => x.q, x => (n + x.i) % 3 == 0 ? correct[x.q] : [wrong[x.q]]);
                var failed = false;
                try
                {
                    var paper = await ContestParticipant.TakePartAsync(site.Address, ContestSite.Open, n, Choose, step =>
                    {
                        if (step.AsExpected)
                            return;
                        failed = true;
                        failures.Add($"participant {n}, {step.Name}: {(int)step.Status}");
                    }, ct);
                    if (paper is not null)
                        sent.Add(paper);
                    else if (!failed)
                        failures.Add($"participant {n}: the second submission led elsewhere than the first");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Add($"participant {n}: {e.GetType().Name} {e.Message}");
                }
            });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20).Concat(site.Errors)));
        Assert.Empty(site.Errors);
        Assert.Equal(Participants, sent.Count);

        var phones = sent.Select(s => s.Phone).ToList();
        var stored = await site.WithDbAsync(db => db.ContestAttempts.AsNoTracking().Where(a => a.Round.ContestId == contest.Id && phones.Contains(a.Phone!))
            .Select(a => new { a.Phone, a.Token, a.SubmittedAt, a.Score, a.Guess, a.DurationSeconds, Answers = a.Answers.Select(x => new { x.QuestionId, x.Chosen }).ToList() })
            .ToListAsync());
        Assert.Equal(Participants, stored.Count);
        Assert.Equal(Participants, stored.Select(a => a.Token).Distinct().Count());
        var byToken = sent.ToDictionary(s => s.Token);
        foreach (var attempt in stored)
        {
            var mine = byToken[attempt.Token];
            Assert.Equal(mine.Phone, attempt.Phone);
            Assert.NotNull(attempt.SubmittedAt);
            Assert.NotNull(attempt.DurationSeconds);
            // The first submission's guess stands: the double click changed nothing.
            Assert.Equal(mine.Guess, attempt.Guess);
            Assert.Equal(contest.QuestionsPerAttempt, attempt.Answers.Count);
            foreach (var answer in attempt.Answers)
                Assert.Equal(mine.Answers.TryGetValue(answer.QuestionId, out var chosen) ? ContestScoring.FormatIds(chosen.Order()) : "", answer.Chosen);
            var expected = ContestScoring.Score(mine.Answers.Select(a => ((IReadOnlySet<int>)correct[a.Key].ToHashSet(), (IReadOnlySet<int>)a.Value.ToHashSet())));
            Assert.Equal(expected, attempt.Score);
        }
        // Each participant took one number of the round's one-attempt-per-person rule.
        var keys = await site.WithDbAsync(db => db.ContestEntryKeys.CountAsync(k => db.ContestAttempts.Any(a => a.Id == k.AttemptId && phones.Contains(a.Phone!))));
        Assert.Equal(Participants, keys);
    }
}
