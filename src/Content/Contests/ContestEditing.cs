using System.Globalization;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Questionnaires;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>The contest form as typed: numbers and times stay text until the rules have read them, so a typo is a message, not a 400.</summary>
public sealed record ContestInput
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Rules { get; init; }
    public string? Audience { get; init; }
    public string? QuestionsPerAttempt { get; init; }
    public string? TimeLimitMinutes { get; init; }
    public string? AttemptsPerRound { get; init; }
    public string? GuessQuestion { get; init; }
    public List<RoundInput> Rounds { get; init; } = [];
}

/// <summary>A round's opening and closing, dd/mm/yyyy HH:mm in Vietnam time.</summary>
public sealed record RoundInput
{
    public string? OpensAt { get; init; }
    public string? ClosesAt { get; init; }
}

/// <summary>A question as typed: up to six options, the indexes of the correct ones, and for a correction after entries, its reason.</summary>
public sealed record ContestQuestionInput
{
    public string? Text { get; init; }
    public string? Kind { get; init; }
    public List<string?> Options { get; init; } = [];
    public List<int> Correct { get; init; } = [];
    public string? Explanation { get; init; }
    public string? CorrectionReason { get; init; }
}

public sealed record ContestListRow(int Id, string Slug, string Title, string UnitName, ContestStatus Status, int Rounds, int Questions, int Entries);

public sealed record ContestQuestionRow(int Id, int Order, string Text, QuestionKind Kind, int Options);

/// <summary>A contest as its editor sees it: the form's values, its questions, its review state, and whether its questions are fixed.</summary>
public sealed record ContestEditView(int Id, int UnitId, string Slug, ContestInput Input, IReadOnlyList<ContestQuestionRow> Questions, int Entries,
    ContestStatus Status, string? ReviewNote)
{
    /// <summary>Only a draft is edited (<see cref="ContestWorkflow.IsEditable"/>).</summary>
    public bool Editable => Status == ContestStatus.Draft;

    /// <summary>A published contest's questions, or any that someone has drawn, can only be corrected (which rescores).</summary>
    public bool QuestionsLocked => Entries > 0 || Status == ContestStatus.Published;
}

/// <summary>
/// The organising unit's side of a contest: create and edit the draft with its rounds, keep its question bank, and take it
/// through review (<see cref="ContestWorkflow"/>). Once published or entered, the bank is fixed — a question may then only be
/// corrected (same options, a reason), which rescores every submitted paper and records each changed score in the audit log
/// in the same transaction.
/// </summary>
public sealed class ContestEditing(CchcDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";
    public const int MaxRounds = 20;
    public const string Locked = "Hội thi đã công bố hoặc đã có người dự thi nên không thêm, xóa hay sửa được câu hỏi; chỉ được đính chính câu hỏi "
        + "(ghi rõ lý do), khi đó điểm của mọi bài đã nộp được tính lại.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<List<ContestListRow>> ListAsync(IReadOnlySet<int>? unitIds, CancellationToken ct) =>
        db.Contests.AsNoTracking().Where(c => unitIds == null || unitIds.Contains(c.UnitId)).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new ContestListRow(c.Id, c.Slug, c.Title, c.Unit.Name, c.Status, c.Rounds.Count, c.Questions.Count,
                db.ContestAttempts.Count(a => a.Round.ContestId == c.Id))).ToListAsync(ct);

    public async Task<ContestEditView?> FindAsync(int id, CancellationToken ct)
    {
        var c = await db.Contests.AsNoTracking().Include(c => c.Rounds).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (c is null)
            return null;
        var questions = await db.ContestQuestions.AsNoTracking().Where(q => q.ContestId == id).OrderBy(q => q.Order)
            .Select(q => new ContestQuestionRow(q.Id, q.Order, q.Text, q.Kind, q.Options.Count)).ToListAsync(ct);
        var input = new ContestInput
        {
            Title = c.Title, Summary = c.Summary, Rules = c.RulesMarkdown, Audience = c.Audience.ToString(),
            QuestionsPerAttempt = c.QuestionsPerAttempt.ToString(CultureInfo.InvariantCulture),
            TimeLimitMinutes = (c.TimeLimitSeconds / 60.0).ToString("0.##", CultureInfo.InvariantCulture),
            AttemptsPerRound = c.AttemptsPerRound.ToString(CultureInfo.InvariantCulture), GuessQuestion = c.GuessQuestion,
            Rounds = [.. c.Rounds.OrderBy(r => r.Number).Select(r => new RoundInput { OpensAt = Format(r.OpensAt), ClosesAt = Format(r.ClosesAt) })],
        };
        return new ContestEditView(c.Id, c.UnitId, c.Slug, input, questions, await EntriesAsync(id, ct), c.Status, c.ReviewNote);
    }

    public static string Format(DateTime utc) => VietnamTime.ToLocal(utc).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Creates (<paramref name="id"/> null) or saves a draft contest of the unit; its id.</summary>
    public async Task<Outcome<int>> SaveAsync(int? id, int unitId, ContestInput input, Actor actor, CancellationToken ct)
    {
        var errors = new List<KeyValuePair<string, string>>();
        var title = Required(input.Title, "Title", "tên hội thi", 300, errors);
        var summary = Optional(input.Summary, "Summary", "Giới thiệu ngắn", 1000, errors);
        var rules = input.Rules?.Trim() ?? "";
        if (rules.Length == 0)
            errors.Add(new("Rules", "Vui lòng nhập thể lệ hội thi."));
        var guess = Optional(input.GuessQuestion, "GuessQuestion", "Câu hỏi dự đoán", 500, errors);
        if (!Enum.TryParse<ContestAudience>(input.Audience, out var audience) || !Enum.IsDefined(audience))
            errors.Add(new("Audience", "Vui lòng chọn đối tượng dự thi."));
        var perAttempt = Number(input.QuestionsPerAttempt, "QuestionsPerAttempt", "Số câu hỏi mỗi lượt thi", 1, 100, errors);
        var minutes = Number(input.TimeLimitMinutes, "TimeLimitMinutes", "Thời gian làm bài (phút)", 1, 180, errors);
        var attempts = Number(input.AttemptsPerRound, "AttemptsPerRound", "Số lượt thi mỗi người mỗi đợt", 1, 10, errors);
        var rounds = Rounds(input.Rounds, errors);

        var contest = id is null ? null : await db.Contests.Include(c => c.Rounds).SingleOrDefaultAsync(c => c.Id == id && c.UnitId == unitId, ct);
        if (id is not null && contest is null)
            return new Outcome<int>.NotFound("Không tìm thấy hội thi.");
        if (contest is not null && ContestWorkflow.NotEditable(contest.Status) is { } notEditable)
            return new Outcome<int>.Invalid("", notEditable);
        if (contest is not null)
        {
            // A round someone has entered keeps its place: removing it would take their entries with it.
            var entered = await db.ContestAttempts.Where(a => a.Round.ContestId == contest.Id).Select(a => a.Round.Number).Distinct().ToListAsync(ct);
            if (entered.Count > 0 && entered.Max() > rounds.Count)
                errors.Add(new("Rounds", $"Đợt {entered.Max()} đã có người dự thi nên không xóa được."));
        }
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);

        var now = Now;
        if (contest is null)
        {
            contest = new Contest { UnitId = unitId, Slug = await FreeSlugAsync(title, ct), CreatedAt = now };
            db.Contests.Add(contest);
        }
        contest.Title = title;
        contest.Summary = summary;
        contest.RulesMarkdown = rules;
        contest.Audience = audience;
        contest.QuestionsPerAttempt = perAttempt;
        contest.TimeLimitSeconds = minutes * 60;
        contest.AttemptsPerRound = attempts;
        contest.GuessQuestion = guess.Length == 0 ? null : guess;
        contest.LastEditorId = actor.UserId;
        contest.UpdatedAt = now;
        var byNumber = contest.Rounds.ToDictionary(r => r.Number);
        for (var n = 1; n <= rounds.Count; n++)
        {
            if (!byNumber.TryGetValue(n, out var round))
                contest.Rounds.Add(round = new ContestRound { Number = n });
            (round.OpensAt, round.ClosesAt) = rounds[n - 1];
        }
        foreach (var extra in contest.Rounds.Where(r => r.Number > rounds.Count).ToList())
            contest.Rounds.Remove(extra);
        // One transaction: the contest (whose id the audit line names) and its audit line.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.ContestSaved, $"{(id is null ? "Tạo" : "Sửa")} hội thi “{title}” ({rounds.Count} đợt, {contest.Status.Vietnamese()}).",
            nameof(Contest), contest.Id.ToString(CultureInfo.InvariantCulture), unitId);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Outcome<int>.Ok(contest.Id);
    }

    /// <summary>The review steps the user may take on the contest now: the buttons its page shows.</summary>
    public async Task<IReadOnlyList<WorkflowStep>> StepsAsync(int id, UserGrants user, CancellationToken ct) =>
        await ReviewFactsAsync(id, ct) is { } facts ? [.. ContestWorkflow.Steps.Where(step => ContestWorkflow.Check(facts, step, user, Now).Allowed)] : [];

    private async Task<ContestReviewFacts?> ReviewFactsAsync(int id, CancellationToken ct)
    {
        var contest = await db.Contests.Include(c => c.Rounds).Include(c => c.Unit).SingleOrDefaultAsync(c => c.Id == id, ct);
        return contest is null ? null
            : new ContestReviewFacts(contest, await db.ContestQuestions.CountAsync(q => q.ContestId == id, ct), await EntriesAsync(id, ct), contest.Unit.AllowSelfPublishing);
    }

    /// <summary>
    /// Takes a review step (<see cref="ContestWorkflow"/>). A refusal by the rules is a message on the form; the first
    /// publication queues the contest's invitation to subscribers in the same transaction, and never again.
    /// </summary>
    public async Task<Outcome<ContestStatus>> StepAsync(int id, WorkflowStep step, UserGrants user, Actor actor, string? note, CancellationToken ct)
    {
        if (await ReviewFactsAsync(id, ct) is not { } facts)
            return new Outcome<ContestStatus>.NotFound("Không tìm thấy hội thi.");
        var contest = facts.Contest;
        var decision = ContestWorkflow.Check(facts, step, user, Now);
        if (!decision.Allowed)
            return new Outcome<ContestStatus>.Invalid("", decision.Reason!);
        var comment = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (step == WorkflowStep.SendBack && comment is null)
            return new Outcome<ContestStatus>.Invalid("note", "Vui lòng ghi nhận xét khi trả lại hội thi, để người soạn biết cần sửa gì.");
        if (comment is { Length: > PostWorkflow.MaxNote })
            return new Outcome<ContestStatus>.Invalid("note", TextLimit.TooLong("Nhận xét", PostWorkflow.MaxNote));

        var before = contest.Status;
        var firstPublication = step == WorkflowStep.Publish && contest.PublishedAt is null;
        ContestWorkflow.Apply(contest, step, user.UserId, Now, comment);
        if (firstPublication)
            Subscriptions.SubscriptionAlerts.Published(db, contest, Now);
        audit.Record(actor, AuditActions.ContestStep,
            $"Hội thi “{contest.Title}”: {before.Vietnamese()} → {contest.Status.Vietnamese()}{(comment is null ? "" : $" ({comment})")}",
            nameof(Contest), id.ToString(CultureInfo.InvariantCulture), contest.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<ContestStatus>.Ok(contest.Status);
    }

    public async Task<ContestQuestionInput?> QuestionAsync(int contestId, int questionId, CancellationToken ct)
    {
        var q = await db.ContestQuestions.AsNoTracking().Include(q => q.Options).SingleOrDefaultAsync(q => q.Id == questionId && q.ContestId == contestId, ct);
        if (q is null)
            return null;
        var options = q.Options.OrderBy(o => o.Order).ToList();
        return new ContestQuestionInput
        {
            Text = q.Text, Kind = q.Kind.ToString(), Explanation = q.Explanation, Options = [.. options.Select(o => (string?)o.Text)],
            Correct = [.. options.Select((o, i) => (o, i)).Where(x => x.o.IsCorrect).Select(x => x.i)],
        };
    }

    /// <summary>
    /// Adds (<paramref name="questionId"/> null) or edits a question of a draft contest's bank. Once the contest is published or
    /// entered, only an edit with a reason and the same number of options is taken, as a correction: the papers are rescored
    /// and every change audited. The caller asks <see cref="EditorAction.ManageContests"/> for a correction.
    /// </summary>
    public async Task<Outcome<int>> SaveQuestionAsync(int contestId, int? questionId, ContestQuestionInput input, Actor actor, CancellationToken ct)
    {
        var contest = await db.Contests.SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
            return new Outcome<int>.NotFound("Không tìm thấy hội thi.");
        var question = questionId is null ? null
            : await db.ContestQuestions.Include(q => q.Options).SingleOrDefaultAsync(q => q.Id == questionId && q.ContestId == contestId, ct);
        if (questionId is not null && question is null)
            return new Outcome<int>.NotFound("Không tìm thấy câu hỏi.");
        if (contest.Status == ContestStatus.InReview)
            return new Outcome<int>.Invalid("", ContestWorkflow.NotEditable(contest.Status)!);
        var corrects = await QuestionsFixedAsync(contest, ct);
        var reason = input.CorrectionReason?.Trim() ?? "";
        if (corrects && (question is null || reason.Length == 0))
            return question is null ? new Outcome<int>.Refused(Locked) : new Outcome<int>.Invalid("CorrectionReason", "Vui lòng ghi lý do đính chính câu hỏi.");

        var errors = QuestionProblems(input, out var kind, out var options);
        if (corrects && question is not null && options.Count != question.Options.Count)
            errors.Add(new("Options", $"Khi đính chính, câu hỏi giữ nguyên {question.Options.Count} phương án (các bài đã nộp chọn theo các phương án đó)."));
        if (reason.Length > 500)
            errors.Add(new("CorrectionReason", "Lý do đính chính dài quá 500 ký tự."));
        if (errors.Count > 0)
            return Outcome<int>.Invalid.Of(errors);

        var before = question is null ? null : Describe(question);
        if (question is null)
        {
            var last = await db.ContestQuestions.Where(q => q.ContestId == contestId).MaxAsync(q => (int?)q.Order, ct) ?? 0;
            question = new ContestQuestion { ContestId = contestId, Order = last + 1 };
            db.ContestQuestions.Add(question);
        }
        Fill(question, input, kind, options);
        contest.UpdatedAt = Now;
        if (!corrects)
            contest.LastEditorId = actor.UserId;
        await db.SaveChangesAsync(ct);

        var id = question.Id.ToString(CultureInfo.InvariantCulture);
        if (!corrects)
            audit.Record(actor, AuditActions.ContestQuestionSaved, $"{(before is null ? "Thêm" : "Sửa")} câu hỏi {question.Order} của hội thi “{contest.Title}”.",
                nameof(ContestQuestion), id, contest.UnitId);
        else
        {
            audit.Record(actor, AuditActions.ContestQuestionCorrected,
                $"Đính chính câu hỏi {question.Order} của hội thi “{contest.Title}”. Lý do: {reason}. Trước: {before}. Sau: {Describe(question)}.",
                nameof(ContestQuestion), id, contest.UnitId);
            await RescoreAsync(contest, question.Id, actor, ct);
        }
        await db.SaveChangesAsync(ct);
        return new Outcome<int>.Ok(question.Id);
    }

    /// <summary>Scores again every submitted paper that drew the question, and audits each score that moves (old → new).</summary>
    private async Task RescoreAsync(Contest contest, int questionId, Actor actor, CancellationToken ct)
    {
        var papers = await db.ContestAttempts.Where(a => a.SubmittedAt != null && a.Answers.Any(x => x.QuestionId == questionId))
            .Select(a => new { a.Id, a.Score, Answers = a.Answers.Select(x => new { x.QuestionId, x.Chosen }).ToList() }).ToListAsync(ct);
        var correct = await db.ContestOptions.Where(o => o.IsCorrect && db.ContestQuestions.Any(q => q.Id == o.QuestionId && q.ContestId == contest.Id))
            .Select(o => new { o.QuestionId, o.Id }).ToListAsync(ct);
        var key = correct.GroupBy(o => o.QuestionId).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(o => o.Id).ToHashSet());
        var changes = ContestRescoring.Changes(papers.Select(p => new ScoredPaper(p.Id, p.Score, [.. p.Answers.Select(x => (x.QuestionId, x.Chosen))])), key);
        foreach (var change in changes)
        {
            await db.ContestAttempts.Where(a => a.Id == change.AttemptId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Score, change.New), ct);
            audit.Record(actor, AuditActions.ContestRescored, $"Tính lại điểm bài thi số {change.AttemptId} của hội thi “{contest.Title}”: {change.Old} → {change.New}.",
                nameof(ContestAttempt), change.AttemptId.ToString(CultureInfo.InvariantCulture), contest.UnitId);
        }
    }

    /// <summary>Deletes a question of a bank no one has drawn yet.</summary>
    public async Task<Outcome<bool>> DeleteQuestionAsync(int contestId, int questionId, Actor actor, CancellationToken ct)
    {
        var question = await db.ContestQuestions.Include(q => q.Options).SingleOrDefaultAsync(q => q.Id == questionId && q.ContestId == contestId, ct);
        if (question is null)
            return new Outcome<bool>.NotFound("Không tìm thấy câu hỏi.");
        var contest = await db.Contests.SingleAsync(c => c.Id == contestId, ct);
        if (contest.Status == ContestStatus.InReview)
            return new Outcome<bool>.Refused(ContestWorkflow.NotEditable(contest.Status)!);
        if (await QuestionsFixedAsync(contest, ct))
            return new Outcome<bool>.Refused(Locked);
        db.ContestQuestions.Remove(question);
        contest.LastEditorId = actor.UserId;
        audit.Record(actor, AuditActions.ContestQuestionSaved, $"Xóa câu hỏi {question.Order} của hội thi “{contest.Title}”: {question.Text}",
            nameof(ContestQuestion), questionId.ToString(CultureInfo.InvariantCulture), contest.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<bool>.Ok(true);
    }

    /// <summary>What is wrong with a typed question, by field; the shared shape's rules first, then a contest's own (a key, a source).</summary>
    public static List<KeyValuePair<string, string>> QuestionProblems(ContestQuestionInput input, out QuestionKind kind, out List<string> options)
    {
        var errors = new List<KeyValuePair<string, string>>();
        if (!Enum.TryParse(input.Kind, out kind) || !kind.HasOptions())
        {
            errors.Add(new("Kind", "Vui lòng chọn loại câu hỏi: một đáp án hoặc nhiều đáp án."));
            kind = QuestionKind.SingleChoice;
        }
        // Blank option boxes at the end of the form are boxes left unused, not empty options.
        var typed = input.Options.Select(o => o?.Trim() ?? "").ToList();
        while (typed.Count > 0 && typed[^1].Length == 0)
            typed.RemoveAt(typed.Count - 1);
        options = typed;
        foreach (var problem in QuestionnaireRules.Problems(kind, input.Text, typed))
            errors.Add(new(problem.StartsWith("Câu hỏi chưa", StringComparison.Ordinal) || problem.StartsWith("Câu hỏi dài", StringComparison.Ordinal) ? "Text" : "Options", problem));
        if (typed.Any(o => o.Length > 500))
            errors.Add(new("Options", "Mỗi phương án dài không quá 500 ký tự."));
        var count = typed.Count;
        var correct = input.Correct.Distinct().ToList();
        if (correct.Count == 0 || correct.Any(i => i < 0 || i >= count))
            errors.Add(new("Correct", "Vui lòng đánh dấu đáp án đúng trong các phương án đã nhập."));
        else if (kind == QuestionKind.SingleChoice && correct.Count != 1)
            errors.Add(new("Correct", "Câu hỏi một đáp án chỉ có đúng một phương án đúng."));
        var explanation = input.Explanation?.Trim() ?? "";
        if (explanation.Length == 0)
            errors.Add(new("Explanation", "Vui lòng ghi giải thích và nguồn trích dẫn (văn bản, điều khoản) của đáp án."));
        else if (explanation.Length > 2000)
            errors.Add(new("Explanation", "Giải thích dài quá 2000 ký tự."));
        return errors;
    }

    /// <summary>Writes a checked input into a question. Options are changed in place: the stored papers name options by id, so a correction keeps them.</summary>
    internal static void Fill(ContestQuestion question, ContestQuestionInput input, QuestionKind kind, IReadOnlyList<string> options)
    {
        question.Text = input.Text!.Trim();
        question.Kind = kind;
        question.Explanation = input.Explanation?.Trim() ?? "";
        var existing = question.Options.OrderBy(o => o.Order).ToList();
        for (var i = 0; i < options.Count; i++)
        {
            var option = i < existing.Count ? existing[i] : new ContestOption();
            if (i >= existing.Count)
                question.Options.Add(option);
            (option.Text, option.Order, option.IsCorrect) = (options[i], i + 1, input.Correct.Contains(i));
        }
        foreach (var extra in existing.Skip(options.Count))
            question.Options.Remove(extra);
    }

    internal Task<int> EntriesAsync(int contestId, CancellationToken ct) => db.ContestAttempts.CountAsync(a => a.Round.ContestId == contestId, ct);

    /// <summary>Whether the bank takes corrections only: the contest is published, or someone has drawn from it.</summary>
    internal async Task<bool> QuestionsFixedAsync(Contest contest, CancellationToken ct) =>
        contest.Status == ContestStatus.Published || await EntriesAsync(contest.Id, ct) > 0;

    private static string Describe(ContestQuestion q) =>
        $"“{q.Text}”; đáp án đúng: {string.Join(", ", q.Options.OrderBy(o => o.Order).Where(o => o.IsCorrect).Select(o => o.Text))}";

    private async Task<string> FreeSlugAsync(string title, CancellationToken ct)
    {
        var root = Slug.From(title);
        if (root.Length == 0)
            root = "hoi-thi";
        var taken = await db.Contests.Where(c => c.Slug == root || c.Slug.StartsWith(root + "-")).Select(c => c.Slug).ToListAsync(ct);
        var slug = root;
        for (var n = 2; taken.Contains(slug); n++)
            slug = $"{root}-{n}";
        return slug;
    }

    private static string Required(string? value, string field, string name, int max, List<KeyValuePair<string, string>> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            errors.Add(new(field, $"Vui lòng nhập {name}."));
        else if (text.Length > max)
            errors.Add(new(field, $"{char.ToUpperInvariant(name[0])}{name[1..]} dài quá {max} ký tự."));
        return text;
    }

    private static string Optional(string? value, string field, string name, int max, List<KeyValuePair<string, string>> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max)
            errors.Add(new(field, $"{name} dài quá {max} ký tự."));
        return text;
    }

    private static int Number(string? value, string field, string name, int min, int max, List<KeyValuePair<string, string>> errors)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        errors.Add(new(field, $"{name} phải là số nguyên từ {min} đến {max}."));
        return min;
    }

    /// <summary>The typed rounds, blank rows left out, in UTC: each opens before it closes and after the one before it closes.</summary>
    private static List<(DateTime Opens, DateTime Closes)> Rounds(IReadOnlyList<RoundInput> typed, List<KeyValuePair<string, string>> errors)
    {
        var rounds = new List<(DateTime, DateTime)>();
        var rows = typed.Where(r => !string.IsNullOrWhiteSpace(r.OpensAt) || !string.IsNullOrWhiteSpace(r.ClosesAt)).ToList();
        if (rows.Count == 0)
            errors.Add(new("Rounds", "Vui lòng nhập ít nhất một đợt thi (thời gian mở và đóng)."));
        if (rows.Count > MaxRounds)
            errors.Add(new("Rounds", $"Một hội thi có tối đa {MaxRounds} đợt."));
        for (var i = 0; i < rows.Count; i++)
        {
            var opens = Parse(rows[i].OpensAt);
            var closes = Parse(rows[i].ClosesAt);
            var label = $"Đợt {i + 1}";
            if (opens is null || closes is null)
                errors.Add(new($"Rounds[{i}].{(opens is null ? "OpensAt" : "ClosesAt")}", $"{label}: thời gian ghi theo dạng ngày/tháng/năm giờ:phút, ví dụ 05/01/2027 08:00."));
            else if (closes <= opens)
                errors.Add(new($"Rounds[{i}].ClosesAt", $"{label}: thời gian đóng phải sau thời gian mở."));
            else if (rounds.Count > 0 && opens < rounds[^1].Item2)
                errors.Add(new($"Rounds[{i}].OpensAt", $"{label}: phải mở sau khi đợt trước đóng."));
            else
                rounds.Add((opens.Value, closes.Value));
        }
        return rounds;
    }

    private static DateTime? Parse(string? text) => VietnameseDate.ParseDateTime(text).Value;
}
