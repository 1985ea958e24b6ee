using CchcSite.Content.Questionnaires;
using CchcSite.Content.Search;
using CchcSite.Content.Units;

namespace CchcSite.Content.Contests;

public enum ContestAudience
{
    Everyone,
    Citizens,
    CivilServants,
}

/// <summary>Draft → InReview → Published, reviewed like a post (<see cref="ContestWorkflow"/>).</summary>
public enum ContestStatus
{
    Draft,
    InReview,
    Published,
}

/// <summary>
/// An online reform contest (hội thi trực tuyến tìm hiểu CCHC) organised by a unit: its rules, its rounds and one question
/// bank that every round draws from. Times are stored in UTC and shown in Vietnam time.
/// </summary>
public class Contest : ISearchItem
{
    /// <summary>The name of contests as a search source (<see cref="ContestSearchSource"/>), in outbox rows and cache tags.</summary>
    public const string SourceName = "contest";

    public int Id { get; set; }
    string ISearchItem.SearchSource => SourceName;
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    /// <summary>Thể lệ, Markdown as written.</summary>
    public string RulesMarkdown { get; set; } = "";
    public ContestAudience Audience { get; set; }
    public ContestStatus Status { get; set; }
    /// <summary>How many questions one attempt draws from the bank (all when the bank is smaller).</summary>
    public int QuestionsPerAttempt { get; set; } = 10;
    public int TimeLimitSeconds { get; set; } = 600;
    public int AttemptsPerRound { get; set; } = 1;
    /// <summary>The tie-break question ("how many people will answer every question right?"); none when null.</summary>
    public string? GuessQuestion { get; set; }
    /// <summary>Prizes per round: one first, two second, three third and this many encouragement prizes by default.</summary>
    public ContestPrizes Prizes { get; set; } = new();
    /// <summary>Generated sample data (a seeded contest and its participants), said so on every page that shows it.</summary>
    public bool IsSample { get; set; }
    /// <summary>
    /// A seeded sample whose generated participants are still to be added: the seed leaves them to a background job after
    /// the site serves (<see cref="Seeding.SampleDataSeeder"/>), which clears this in the transaction that adds them.
    /// </summary>
    public bool SampleDataPending { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Who last changed the contest or its questions as a draft; with the submitter, who may not approve it.</summary>
    public string? LastEditorId { get; set; }
    public string? SubmittedById { get; set; }
    public string? ApproverId { get; set; }
    /// <summary>The note of the last step: the approver's comment when returning it, or the submitter's when submitting.</summary>
    public string? ReviewNote { get; set; }
    /// <summary>When the contest was first published; its invitation to subscribers goes out then and never again.</summary>
    public DateTime? PublishedAt { get; set; }
    public List<ContestRound> Rounds { get; set; } = [];
    public List<ContestQuestion> Questions { get; set; } = [];
}

public sealed record ContestPrizes
{
    public int First { get; init; } = 1;
    public int Second { get; init; } = 2;
    public int Third { get; init; } = 3;
    public int Encouragement { get; init; } = 4;

    public int Total => First + Second + Third + Encouragement;

    /// <summary>The prize of the entry ranked <paramref name="rank"/> (1-based), or null past the prizes.</summary>
    public string? NameOf(int rank) =>
        rank <= First ? "Giải Nhất"
        : rank <= First + Second ? "Giải Nhì"
        : rank <= First + Second + Third ? "Giải Ba"
        : rank <= Total ? "Giải Khuyến khích"
        : null;
}

/// <summary>A round (đợt thi), open from <see cref="OpensAt"/> until <see cref="ClosesAt"/> (UTC).</summary>
public class ContestRound
{
    public int Id { get; set; }
    public int ContestId { get; set; }
    public Contest Contest { get; set; } = null!;
    public int Number { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }

    public bool IsOpenAt(DateTime utc) => OpensAt <= utc && utc < ClosesAt;
    public bool IsClosedAt(DateTime utc) => ClosesAt <= utc;
}

/// <summary>A question of the contest's bank; what only a contest needs (the correct options, the explanation) is here.</summary>
public class ContestQuestion : QuestionnaireQuestion
{
    public int ContestId { get; set; }
    /// <summary>Shown with the correct answer once the round closes, citing its source.</summary>
    public string Explanation { get; set; } = "";
    public List<ContestOption> Options { get; set; } = [];
}

public class ContestOption : QuestionnaireOption
{
    public int QuestionId { get; set; }
    public bool IsCorrect { get; set; }
}

/// <summary>
/// One person's attempt in one round. It is opened by a secret token (the attempt's address), never by its number, so
/// nobody can read or finish another's attempt. Scored only on the server, once, at submission.
/// </summary>
public class ContestAttempt
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public ContestRound Round { get; set; } = null!;
    public Guid Token { get; set; }
    public string FullName { get; set; } = "";
    /// <summary>Normalised (<see cref="ContactIdentity.NormalisePhone"/>): 0 and nine or ten digits.</summary>
    public string? Phone { get; set; }
    /// <summary>Lower case.</summary>
    public string? Email { get; set; }
    public int? BirthYear { get; set; }
    /// <summary>The participant's unit when they are a civil servant of one of the site's units; counts its participation.</summary>
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>Address, or unit and position as typed.</summary>
    public string Address { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>Seconds from start to submission, at most the time limit.</summary>
    public int? DurationSeconds { get; set; }
    public int? Score { get; set; }
    /// <summary>The answer to the tie-break question.</summary>
    public int? Guess { get; set; }
    public string? DisqualifiedReason { get; set; }
    public bool IsSample { get; set; }
    public List<ContestAnswer> Answers { get; set; } = [];
    public List<ContestEntryKey> Keys { get; set; } = [];
}

/// <summary>
/// The questions an attempt drew, in its own order, with its own order of options, and what the participant chose. Written
/// when the attempt starts (so a reload shows the same paper) and each time an answer is saved.
/// </summary>
public class ContestAnswer
{
    public int AttemptId { get; set; }
    public int QuestionId { get; set; }
    public ContestQuestion Question { get; set; } = null!;
    public int Position { get; set; }
    /// <summary>Option ids in the order this attempt shows them, comma separated.</summary>
    public string OptionOrder { get; set; } = "";
    /// <summary>Chosen option ids, ascending, comma separated; empty when unanswered.</summary>
    public string Chosen { get; set; } = "";
}

/// <summary>
/// One identity (a normalised phone or e-mail) used by an attempt in a round, numbered per identity: the unique index on
/// round, key and number makes "no more than N attempts per person per round" hold under concurrent starts.
/// </summary>
public class ContestEntryKey
{
    public int Id { get; set; }
    public int AttemptId { get; set; }
    public int RoundId { get; set; }
    public string Key { get; set; } = "";
    public int Number { get; set; }
}
