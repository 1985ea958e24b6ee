using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using CchcSite.Content.Rendering;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>The one public read path of contests: the list, a contest's page and the results of its closed rounds.</summary>
public sealed class PublicContests(CchcDbContext db, MarkdownRenderer markdown, SearchIndex index, ContestSubmission submission, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Published contests, those with an open round first, then the newest.</summary>
    public async Task<ContestListPage> ListAsync(CancellationToken ct)
    {
        var cards = await CardsAsync(db.Contests.Where(c => c.Status == ContestStatus.Published), ct);
        return new ContestListPage([.. cards.OrderBy(c => c.Current is null).ThenByDescending(c => c.Rounds.Select(r => r.OpensAt).DefaultIfEmpty().Max())]);
    }

    /// <summary>A contest needs only a few words of its name: more hits than this would be a query that says nothing.</summary>
    private const int MaxSearchHits = 50;

    /// <summary>
    /// The published contests <paramref name="text"/> finds in the search index (<see cref="ContestSearchSource"/>), with or
    /// without tones, in its order; the whole list when nothing is typed. One taken back to draft since drops out here.
    /// </summary>
    public async Task<ContestListPage> SearchAsync(string? text, CancellationToken ct)
    {
        var query = text?.Trim() ?? "";
        if (query.Length == 0)
            return await ListAsync(ct);
        if (!UserQuery.TryParse(query, out var words, out var message))
            return new ContestListPage([]) { Query = query, Message = message };
        var ids = IndexSearch.Find(index, new IndexCriteria(words, Now)
        {
            OtherKind = ContestSearchDocument.KindValue,
            Page = new PageRequest(1, MaxSearchHits),
        }).Hits.Select(h => h.Id).ToList();
        var published = db.Contests.Where(c => ids.Contains(c.Id) && c.Status == ContestStatus.Published);
        var slugs = await published.ToDictionaryAsync(c => c.Id, c => c.Slug, ct);
        var cards = (await CardsAsync(published, ct)).ToDictionary(c => c.Slug);
        var found = ids.Where(slugs.ContainsKey).Select(id => cards[slugs[id]]).ToList();
        return new ContestListPage(found) { Query = query, Message = found.Count == 0 ? "Không tìm thấy hội thi nào khớp với từ khóa." : null };
    }

    public async Task<ContestCard?> CardAsync(string slug, CancellationToken ct) =>
        (await CardsAsync(db.Contests.Where(c => c.Slug == slug && c.Status == ContestStatus.Published), ct)).SingleOrDefault();

    /// <summary>A published contest by id (what a subscription alert names); null when it is a draft again or gone.</summary>
    public async Task<ContestCard?> CardAsync(int id, CancellationToken ct) =>
        (await CardsAsync(db.Contests.Where(c => c.Id == id && c.Status == ContestStatus.Published), ct)).SingleOrDefault();

    public async Task<ContestPage?> PageAsync(string slug, ContestEntryInput input, IReadOnlyDictionary<string, string> errors, CancellationToken ct)
    {
        var card = await CardAsync(slug, ct);
        if (card is null)
            return null;
        var c = await db.Contests.AsNoTracking().SingleAsync(c => c.Slug == slug, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Name)
            .Select(u => new UnitRef(u.Id, u.Slug, u.Name, u.ShortName, u.Kind)).ToListAsync(ct);
        return new ContestPage(card, markdown.ToHtml(c.RulesMarkdown), c.Audience, c.QuestionsPerAttempt, c.TimeLimitSeconds, c.AttemptsPerRound,
            c.GuessQuestion, c.Prizes, units, input, errors) { Description = c.Summary };
    }

    /// <summary>The results of every closed round (<paramref name="round"/> null) or of one; null when there is no such closed round.</summary>
    public async Task<ContestResultsPage?> ResultsAsync(string slug, int? round, CancellationToken ct)
    {
        var card = await CardAsync(slug, ct);
        if (card is null)
            return null;
        var contest = await db.Contests.AsNoTracking().Include(c => c.Rounds).SingleAsync(c => c.Slug == slug, ct);
        var closed = contest.Rounds.Where(r => r.IsClosedAt(Now) && (round is null || r.Number == round)).OrderBy(r => r.Number).ToList();
        if (round is not null && closed.Count == 0)
            return null;
        var results = new List<RoundResults>();
        foreach (var r in closed)
            results.Add(await RoundResultsAsync(contest, r, ct));
        var units = results.SelectMany(r => r.Units).GroupBy(u => u.UnitName)
            .Select(g => new UnitParticipation(g.Key, g.Sum(u => u.Entries))).OrderByDescending(u => u.Entries).ThenBy(u => u.UnitName).ToList();
        return new ContestResultsPage(card, results, units, round);
    }

    /// <summary>
    /// One closed round, ranked by <see cref="ContestRanking"/>; disqualified attempts are not in it. Papers whose time ran out
    /// unsent are submitted first, as saved, so everyone who started is ranked.
    /// </summary>
    public async Task<RoundResults> RoundResultsAsync(Contest contest, ContestRound round, CancellationToken ct)
    {
        await submission.SubmitExpiredAsync(a => a.RoundId == round.Id, contest.TimeLimitSeconds, Now, ct);
        var entries = await db.ContestAttempts.AsNoTracking()
            .Where(a => a.RoundId == round.Id && a.SubmittedAt != null && a.DisqualifiedReason == null)
            .Select(a => new
            {
                a.Id, a.FullName, a.Phone, a.Email, a.Address, UnitName = a.Unit != null ? a.Unit.Name : null, a.Score, a.Guess,
                a.DurationSeconds, a.SubmittedAt, Paper = a.Answers.Count(),
            }).ToListAsync(ct);
        var byId = entries.ToDictionary(e => e.Id);
        var ranked = entries.Select(e => new RankedEntry(e.Id, e.Score ?? 0, e.Guess, e.DurationSeconds ?? 0, e.SubmittedAt!.Value)).ToList();
        var perfect = ContestRanking.PerfectCount(ranked, contest.QuestionsPerAttempt);
        var rows = ContestRanking.Rank(ranked, perfect).Select((entry, i) =>
        {
            var e = byId[entry.AttemptId];
            return new ResultRow(i + 1, e.FullName, ContactIdentity.MaskedContact(e.Phone, e.Email), e.UnitName ?? e.Address, entry.Score, entry.Guess,
                entry.DurationSeconds, entry.SubmittedAt, contest.Prizes.NameOf(i + 1));
        }).ToList();
        var units = entries.Where(e => e.UnitName is not null).GroupBy(e => e.UnitName!)
            .Select(g => new UnitParticipation(g.Key, g.Count())).OrderByDescending(u => u.Entries).ThenBy(u => u.UnitName).ToList();
        return new RoundResults(round.Number, round.OpensAt, round.ClosesAt, entries.Count, perfect, contest.QuestionsPerAttempt, rows, units);
    }

    private async Task<List<ContestCard>> CardsAsync(IQueryable<Contest> contests, CancellationToken ct)
    {
        var now = Now;
        var rows = await contests.AsNoTracking()
            .Select(c => new
            {
                c.Slug, c.Title, c.Summary, UnitName = c.Unit.Name, c.IsSample,
                Rounds = c.Rounds.OrderBy(r => r.Number).Select(r => new { r.Number, r.OpensAt, r.ClosesAt }).ToList(),
            }).ToListAsync(ct);
        return
        [
            .. rows.Select(c => new ContestCard(c.Slug, c.Title, c.Summary, c.UnitName, c.IsSample,
                [.. c.Rounds.Select(r => new RoundInfo(r.Number, r.OpensAt, r.ClosesAt,
                    now < r.OpensAt ? RoundState.Upcoming : now < r.ClosesAt ? RoundState.Open : RoundState.Closed))])),
        ];
    }
}
