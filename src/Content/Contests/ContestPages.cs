using CchcSite.Content.Questionnaires;
using CchcSite.Content.Site;
using CchcSite.Content.Units;

namespace CchcSite.Content.Contests;

// The read models of the public contest pages. None of them carries a correct option before the attempt it belongs to
// is submitted and its round closed: the paper's types have no such field at all.

public enum RoundState
{
    Upcoming,
    Open,
    Closed,
}

public sealed record RoundInfo(int Number, DateTime OpensAt, DateTime ClosesAt, RoundState State);

public sealed record ContestCard(string Slug, string Title, string Summary, string UnitName, bool IsSample, IReadOnlyList<RoundInfo> Rounds)
{
    public RoundInfo? Current => Rounds.FirstOrDefault(r => r.State == RoundState.Open);
    public RoundInfo? Next => Rounds.FirstOrDefault(r => r.State == RoundState.Upcoming);
    public bool Finished => Rounds.Count > 0 && Rounds.All(r => r.State == RoundState.Closed);
    public string Url => ContestAddresses.Contest(Slug);
}

/// <summary>The published contests, or those <see cref="Query"/> finds (<see cref="Message"/> says why none were).</summary>
public sealed record ContestListPage(IReadOnlyList<ContestCard> Contests)
    : SitePage("Hội thi trực tuyến tìm hiểu cải cách hành chính", [new("Trang chủ", "/"), new("Hội thi trực tuyến", null)])
{
    public string Query { get; init; } = "";
    public string? Message { get; init; }
}

/// <summary>What a participant types before the attempt starts; kept in the form when it is refused.</summary>
public sealed record ContestEntryInput
{
    public string? FullName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public int? BirthYear { get; init; }
    public string? Address { get; init; }
    /// <summary>The slug of the participant's unit, for civil servants; optional.</summary>
    public string? Unit { get; init; }
}

public sealed record ContestPage(
    ContestCard Contest,
    string RulesHtml,
    ContestAudience Audience,
    int QuestionsPerAttempt,
    int TimeLimitSeconds,
    int AttemptsPerRound,
    string? GuessQuestion,
    ContestPrizes Prizes,
    IReadOnlyList<UnitRef> Units,
    ContestEntryInput Input,
    IReadOnlyDictionary<string, string> Errors)
    : SitePage(Contest.Title, [new("Trang chủ", "/"), new("Hội thi trực tuyến", ContestAddresses.List), new(Contest.Title, null)])
{
    public string StartAction => ContestAddresses.Contest(Contest.Slug);
}

public sealed record PaperOption(int Id, string Text);

public sealed record PaperQuestion(int Id, int Position, string Text, QuestionKind Kind, IReadOnlyList<PaperOption> Options, IReadOnlySet<int> Chosen);

/// <summary>An attempt in progress: the questions in this attempt's order and what has been saved, never the answers.</summary>
public sealed record AttemptPage(
    Guid Token,
    string ContestSlug,
    string ContestTitle,
    int RoundNumber,
    DateTime Deadline,
    int SecondsLeft,
    string? GuessQuestion,
    int? Guess,
    IReadOnlyList<PaperQuestion> Questions)
    : SitePage($"Bài thi – {ContestTitle}", [new("Trang chủ", "/"), new("Hội thi trực tuyến", ContestAddresses.List),
        new(ContestTitle, ContestAddresses.Contest(ContestSlug)), new("Bài thi", null)])
{
    /// <summary>Whether the attempt has been submitted (its page then sends the participant to the result).</summary>
    public bool Submitted { get; init; }
    /// <summary>Why the last submission was not taken, shown above the paper.</summary>
    public string? Message { get; init; }
    public string SubmitAction => ContestAddresses.Attempt(Token);
    public string SaveAction => ContestAddresses.Save(Token);
}

public sealed record ReviewOption(string Text, bool Correct, bool Chosen);

public sealed record ReviewQuestion(int Position, string Text, bool Right, IReadOnlyList<ReviewOption> Options, string Explanation);

/// <summary>A submitted attempt: the score and time at once; the correct answers only once the round has closed.</summary>
public sealed record AttemptResultPage(
    Guid Token,
    string ContestSlug,
    string ContestTitle,
    int RoundNumber,
    string FullName,
    int Score,
    int OutOf,
    int DurationSeconds,
    DateTime SubmittedAt,
    DateTime RoundClosesAt,
    bool RoundClosed,
    string? DisqualifiedReason,
    IReadOnlyList<ReviewQuestion> Review)
    : SitePage($"Kết quả bài thi – {ContestTitle}", [new("Trang chủ", "/"), new("Hội thi trực tuyến", ContestAddresses.List),
        new(ContestTitle, ContestAddresses.Contest(ContestSlug)), new("Kết quả bài thi", null)]);

public sealed record ResultRow(int Rank, string Name, string MaskedContact, string Place, int Score, int? Guess, int DurationSeconds, DateTime SubmittedAt, string? Prize);

public sealed record UnitParticipation(string UnitName, int Entries);

public sealed record RoundResults(
    int RoundNumber,
    DateTime OpensAt,
    DateTime ClosesAt,
    int Entries,
    int PerfectCount,
    int QuestionsPerAttempt,
    IReadOnlyList<ResultRow> Rows,
    IReadOnlyList<UnitParticipation> Units);

/// <summary>The results of one closed round (<see cref="Round"/>) or of every closed round of the contest.</summary>
public sealed record ContestResultsPage(ContestCard Contest, IReadOnlyList<RoundResults> Rounds, IReadOnlyList<UnitParticipation> Units, int? Round)
    : SitePage(Round is { } n ? $"Kết quả đợt {n} – {Contest.Title}" : $"Kết quả – {Contest.Title}",
        [new("Trang chủ", "/"), new("Hội thi trực tuyến", ContestAddresses.List), new(Contest.Title, ContestAddresses.Contest(Contest.Slug)),
            new(Round is { } r ? $"Kết quả đợt {r}" : "Kết quả", null)]);

public static class ContestAddresses
{
    public const string Segment = "hoi-thi";
    public const string List = "/" + Segment;

    public static string Contest(string slug) => $"{List}/{slug}";
    public static string Search(string query) => $"{List}?q={Uri.EscapeDataString(query)}";
    public static string Results(string slug) => $"{List}/{slug}/ket-qua";
    public static string RoundResults(string slug, int round) => $"{List}/{slug}/ket-qua/dot-{round}";
    public static string Attempt(Guid token) => $"{List}/bai-thi/{token:N}";
    public static string Save(Guid token) => $"{Attempt(token)}/luu";
    public static string Result(Guid token) => $"{Attempt(token)}/ket-qua";
    public static string Certificate(Guid token) => $"{Attempt(token)}/giay-chung-nhan.pdf";
}
