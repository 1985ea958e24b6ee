using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Contests;

/// <summary>
/// A participant's way through a round: start an attempt (one per person per round), save answers as they go, submit once.
/// Everything is decided here, on the server, from the stored start time and the stored paper.
/// </summary>
public sealed class ContestEntries(CchcDbContext db, ContestSubmission submission, TimeProvider clock)
{
    public const string AlreadyEntered = "Số điện thoại hoặc thư điện tử này đã dự thi đợt này. Mỗi người chỉ được dự thi số lần thể lệ cho phép trong một đợt.";
    public const string TimeIsUp = "Đã hết thời gian làm bài; câu trả lời gửi sau thời hạn không được tính.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts an attempt in the contest's open round and draws its paper; the token is the attempt's address.</summary>
    public async Task<Outcome<Guid>> StartAsync(string slug, ContestEntryInput input, CancellationToken ct)
    {
        var now = Now;
        var contest = await db.Contests.AsNoTracking().Include(c => c.Rounds)
            .SingleOrDefaultAsync(c => c.Slug == slug && c.Status == ContestStatus.Published, ct);
        if (contest is null)
            return new Outcome<Guid>.NotFound("Không tìm thấy hội thi.");
        var round = contest.Rounds.FirstOrDefault(r => r.IsOpenAt(now));
        if (round is null)
            return new Outcome<Guid>.Refused("Hội thi hiện không có đợt nào đang mở.");

        var errors = new List<KeyValuePair<string, string>>();
        var name = input.FullName?.Trim() ?? "";
        if (name.Length == 0)
            errors.Add(new("FullName", "Vui lòng nhập họ và tên."));
        else if (name.Length > 200)
            errors.Add(new("FullName", "Họ và tên dài quá 200 ký tự."));
        var phone = ContactIdentity.NormalisePhone(input.Phone);
        if (!string.IsNullOrWhiteSpace(input.Phone) && phone is null)
            errors.Add(new("Phone", "Số điện thoại không đúng, ví dụ: 0912 345 678 hoặc +84 912 345 678."));
        var email = ContactIdentity.NormaliseEmail(input.Email);
        if (email is not null && !EmailAddressRule.IsValid(email))
            errors.Add(new("Email", EmailAddressRule.Message));
        if (string.IsNullOrWhiteSpace(input.Phone) && email is null)
            errors.Add(new("Phone", "Vui lòng nhập số điện thoại hoặc thư điện tử để ban tổ chức liên hệ khi trao giải."));
        var year = VietnamTime.Today(clock).Year;
        if (input.BirthYear is { } born && (born < year - 110 || born > year - 6))
            errors.Add(new("BirthYear", $"Năm sinh phải từ {year - 110} đến {year - 6}."));
        var address = input.Address?.Trim() ?? "";
        if (address.Length > 300)
            errors.Add(new("Address", "Địa chỉ dài quá 300 ký tự."));
        int? unitId = null;
        if (!string.IsNullOrWhiteSpace(input.Unit))
        {
            unitId = await db.Units.Where(u => u.Slug == input.Unit && u.IsActive).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
            if (unitId is null)
                errors.Add(new("Unit", "Vui lòng chọn đơn vị trong danh sách."));
        }
        if (errors.Count > 0)
            return Outcome<Guid>.Invalid.Of(errors);

        var keys = ContactIdentity.KeysOf(phone is null ? null : phone, email is not null && EmailAddressRule.IsValid(email) ? email : null);
        var taken = await db.ContestEntryKeys.Where(k => k.RoundId == round.Id && keys.Contains(k.Key))
            .GroupBy(k => k.Key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (taken.Values.Any(count => count >= contest.AttemptsPerRound))
            return new Outcome<Guid>.Refused(AlreadyEntered);

        var attempt = new ContestAttempt
        {
            RoundId = round.Id, Token = Guid.NewGuid(), FullName = name, Phone = phone, Email = email, BirthYear = input.BirthYear,
            UnitId = unitId, Address = address, StartedAt = now,
            Keys = [.. keys.Select(k => new ContestEntryKey { RoundId = round.Id, Key = k, Number = taken.GetValueOrDefault(k) + 1 })],
            Answers = await DrawAsync(contest, ct),
        };
        db.ContestAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another start with the same phone or e-mail took the number first: the unique index is the rule's last word.
            return new Outcome<Guid>.Refused(AlreadyEntered);
        }
        return new Outcome<Guid>.Ok(attempt.Token);
    }

    /// <summary>The attempt's own paper: questions drawn from the bank and options, each in a random order.</summary>
    private async Task<List<ContestAnswer>> DrawAsync(Contest contest, CancellationToken ct)
    {
        var bank = await db.ContestQuestions.AsNoTracking().Where(q => q.ContestId == contest.Id)
            .Select(q => new { q.Id, Options = q.Options.Select(o => o.Id).ToList() }).ToListAsync(ct);
        var drawn = bank.ToArray();
        Random.Shared.Shuffle(drawn);
        return
        [
            .. drawn.Take(contest.QuestionsPerAttempt).Select((q, i) =>
            {
                var options = q.Options.ToArray();
                Random.Shared.Shuffle(options);
                return new ContestAnswer { QuestionId = q.Id, Position = i + 1, OptionOrder = ContestScoring.FormatIds(options) };
            }),
        ];
    }

    /// <summary>The paper of an attempt still in progress; null when there is no such attempt. One whose time ran out is submitted as saved.</summary>
    public async Task<AttemptPage?> PaperAsync(Guid token, CancellationToken ct)
    {
        await SubmitIfExpiredAsync(token, ct);
        var attempt = await db.ContestAttempts.AsNoTracking().Where(a => a.Token == token)
            .Select(a => new
            {
                a.StartedAt, a.Guess, a.SubmittedAt, a.Round.Number, a.Round.Contest.Slug, a.Round.Contest.Title, a.Round.Contest.TimeLimitSeconds,
                a.Round.Contest.GuessQuestion,
                Answers = a.Answers.OrderBy(x => x.Position).Select(x => new
                {
                    x.QuestionId, x.Position, x.OptionOrder, x.Chosen, x.Question.Text, x.Question.Kind,
                    Options = x.Question.Options.Select(o => new PaperOption(o.Id, o.Text)).ToList(),
                }).ToList(),
            }).SingleOrDefaultAsync(ct);
        if (attempt is null)
            return null;
        var questions = attempt.Answers.Select(x =>
        {
            var byId = x.Options.ToDictionary(o => o.Id);
            return new PaperQuestion(x.QuestionId, x.Position, x.Text, x.Kind,
                [.. ContestScoring.ParseIds(x.OptionOrder).Select(id => byId[id])], ContestScoring.ParseIds(x.Chosen));
        }).ToList();
        return new AttemptPage(token, attempt.Slug, attempt.Title, attempt.Number, AttemptTimer.Deadline(attempt.StartedAt, attempt.TimeLimitSeconds),
            AttemptTimer.SecondsLeft(attempt.StartedAt, attempt.TimeLimitSeconds, Now), attempt.GuessQuestion, attempt.Guess, questions)
        {
            Submitted = attempt.SubmittedAt is not null,
        };
    }

    /// <summary>Saves the options chosen for one question of the paper, as the participant goes.</summary>
    public async Task<Outcome<bool>> SaveAsync(Guid token, int questionId, IReadOnlyCollection<int> chosen, CancellationToken ct)
    {
        var attempt = await LoadAsync(token, ct);
        if (attempt is null)
            return new Outcome<bool>.NotFound("Không tìm thấy bài thi.");
        if (attempt.SubmittedAt is not null)
            return new Outcome<bool>.Conflict("Bài thi đã nộp; không thay đổi được câu trả lời.");
        if (!AttemptTimer.AcceptsAnswers(attempt.StartedAt, attempt.Round.Contest.TimeLimitSeconds, Now))
            return new Outcome<bool>.Refused(TimeIsUp);
        var problem = Apply(attempt, questionId, chosen);
        if (problem is not null)
            return new Outcome<bool>.Invalid("", problem);
        await db.SaveChangesAsync(ct);
        return new Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Submits the attempt and scores it, once. The answers sent with the submission (the whole form, when the page runs
    /// without script) count if they arrive in time; a second submission answers with the first one's result.
    /// </summary>
    public async Task<Outcome<Guid>> SubmitAsync(Guid token, IReadOnlyDictionary<int, IReadOnlyCollection<int>> answers, int? guess, CancellationToken ct)
    {
        var now = Now;
        var attempt = await LoadAsync(token, ct);
        if (attempt is null)
            return new Outcome<Guid>.NotFound("Không tìm thấy bài thi.");
        if (attempt.SubmittedAt is not null)
            return new Outcome<Guid>.Ok(token);
        var contest = attempt.Round.Contest;
        if (guess is < 0 or > 10_000_000)
            return new Outcome<Guid>.Invalid("Guess", "Số dự đoán phải là số tự nhiên, không quá 10.000.000.");
        var inTime = AttemptTimer.AcceptsAnswers(attempt.StartedAt, contest.TimeLimitSeconds, now);
        if (inTime)
        {
            foreach (var (questionId, chosen) in answers)
                if (Apply(attempt, questionId, chosen) is { } problem)
                    return new Outcome<Guid>.Invalid("", problem);
            await db.SaveChangesAsync(ct);
        }
        // A late submission is the one the server would have made: what was saved, at the deadline.
        await submission.SubmitAsync(attempt.Id, [.. attempt.Answers.Select(a => (a.QuestionId, a.Chosen))], attempt.StartedAt, contest.TimeLimitSeconds,
            inTime ? now : AttemptTimer.Deadline(attempt.StartedAt, contest.TimeLimitSeconds), inTime ? guess : attempt.Guess, ct);
        return new Outcome<Guid>.Ok(token);
    }

    /// <summary>The result of a submitted attempt; null when it is not submitted (or does not exist).</summary>
    public async Task<AttemptResultPage?> ResultAsync(Guid token, CancellationToken ct)
    {
        await SubmitIfExpiredAsync(token, ct);
        var a = await db.ContestAttempts.AsNoTracking().Where(a => a.Token == token && a.SubmittedAt != null)
            .Select(a => new
            {
                a.FullName, a.Score, a.DurationSeconds, a.SubmittedAt, a.DisqualifiedReason, a.Round.Number, a.Round.ClosesAt,
                a.Round.Contest.Slug, a.Round.Contest.Title,
                Answers = a.Answers.OrderBy(x => x.Position).Select(x => new
                {
                    x.Position, x.OptionOrder, x.Chosen, x.Question.Text, x.Question.Explanation,
                    Options = x.Question.Options.Select(o => new { o.Id, o.Text, o.IsCorrect }).ToList(),
                }).ToList(),
            }).SingleOrDefaultAsync(ct);
        if (a is null)
            return null;
        var closed = a.ClosesAt <= Now;
        // The correct answers are shown only once the round has closed, so that no one passes them on while it is open.
        var review = !closed ? [] : a.Answers.Select(x =>
        {
            var chosen = ContestScoring.ParseIds(x.Chosen);
            var byId = x.Options.ToDictionary(o => o.Id);
            var options = ContestScoring.ParseIds(x.OptionOrder).Select(id => byId[id]).ToList();
            var right = ContestScoring.IsRight(options.Where(o => o.IsCorrect).Select(o => o.Id).ToHashSet(), chosen);
            return new ReviewQuestion(x.Position, x.Text, right, [.. options.Select(o => new ReviewOption(o.Text, o.IsCorrect, chosen.Contains(o.Id)))],
                x.Explanation);
        }).ToList();
        return new AttemptResultPage(token, a.Slug, a.Title, a.Number, a.FullName, a.Score ?? 0, a.Answers.Count, a.DurationSeconds ?? 0, a.SubmittedAt!.Value,
            a.ClosesAt, closed, a.DisqualifiedReason, review);
    }

    /// <summary>
    /// What the certificate of participation of an attempt says; null unless it stands (submitted, not disqualified). The
    /// score is the one the attempt's result page shows, so it is given as soon as the paper is in.
    /// </summary>
    public async Task<CertificateView?> CertificateAsync(Guid token, CancellationToken ct)
    {
        await SubmitIfExpiredAsync(token, ct);
        return await db.ContestAttempts.AsNoTracking().Where(a => a.Token == token && a.SubmittedAt != null && a.DisqualifiedReason == null)
            .Select(a => new CertificateView(a.FullName, a.Unit != null ? a.Unit.Name : a.Address, a.Round.Contest.Title, a.Round.Contest.Slug,
                a.Round.Contest.Unit.Name, a.Round.Number, a.Score ?? 0, a.Answers.Count, a.SubmittedAt!.Value)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The server's side of the countdown: a paper the browser never sent is submitted once its time has run out.</summary>
    private async Task SubmitIfExpiredAsync(Guid token, CancellationToken ct)
    {
        var open = await db.ContestAttempts.AsNoTracking().Where(a => a.Token == token && a.SubmittedAt == null)
            .Select(a => new { a.Id, a.Round.Contest.TimeLimitSeconds }).SingleOrDefaultAsync(ct);
        if (open is not null)
            await submission.SubmitExpiredAsync(a => a.Id == open.Id, open.TimeLimitSeconds, Now, ct);
    }

    private Task<ContestAttempt?> LoadAsync(Guid token, CancellationToken ct) =>
        db.ContestAttempts.Include(a => a.Answers).ThenInclude(x => x.Question).Include(a => a.Round).ThenInclude(r => r.Contest)
            .SingleOrDefaultAsync(a => a.Token == token, ct);

    /// <summary>Sets one answer of the paper; a Vietnamese message when it is not an answer this paper can take.</summary>
    private static string? Apply(ContestAttempt attempt, int questionId, IReadOnlyCollection<int> chosen)
    {
        var answer = attempt.Answers.FirstOrDefault(a => a.QuestionId == questionId);
        if (answer is null)
            return "Câu hỏi không thuộc bài thi này.";
        var options = ContestScoring.ParseIds(answer.OptionOrder);
        if (!chosen.All(options.Contains))
            return "Phương án trả lời không thuộc câu hỏi này.";
        if (answer.Question.Kind == Questionnaires.QuestionKind.SingleChoice && chosen.Distinct().Count() > 1)
            return "Câu hỏi này chỉ chọn một phương án.";
        answer.Chosen = ContestScoring.FormatIds(chosen.Distinct().Order());
        return null;
    }
}
