using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Questions;

/// <summary>The lists of an officer's inbox.</summary>
public enum InboxView
{
    /// <summary>Everything still waiting for the unit.</summary>
    Open,
    New,
    Assigned,
    Overdue,
    /// <summary>Answered, waiting for an approver to publish or send the answer.</summary>
    AwaitingApproval,
    Done,
    All,
}

/// <summary>The inbox's filter; <see cref="UnitIds"/> are the units the officer may handle (null: all, for administrators).</summary>
public sealed record InboxFilter(IReadOnlySet<int>? UnitIds, int? UnitId = null, InboxView View = InboxView.Open,
    SubmissionKind? Kind = null, string? CategorySlug = null, string? Text = null)
{
    public PageRequest Page { get; init; } = new(1, 20);
}

public sealed record InboxRow(int Id, string Code, SubmissionKind Kind, string Title, string UnitShortName, string? CategoryName,
    SubmissionStatus Status, DateTime ReceivedAt, DateOnly DueOn, int WorkingDaysLeft, string? AssignedTo)
{
    public bool IsOverdue => Status.IsOpen() && WorkingDaysLeft < 0;
}

public sealed record Officer(string UserId, string FullName);

/// <summary>What an officer asks to do to a submission.</summary>
public abstract record SubmissionCommand
{
    public sealed record Assign(string UserId) : SubmissionCommand;
    public sealed record Forward(int ToUnitId, string Reason) : SubmissionCommand;
    public sealed record Answer(string Markdown) : SubmissionCommand;
    public sealed record Publish : SubmissionCommand;
    public sealed record Close : SubmissionCommand;
    /// <summary>Takes a published question out of the Q&amp;A column (and the search index); the citizen keeps the answer.</summary>
    public sealed record Unpublish(string Reason) : SubmissionCommand;
    public sealed record Reject(RejectionKind Kind, string Reason) : SubmissionCommand;
    public sealed record Merge(string IntoCode) : SubmissionCommand;

    /// <summary>The permission each command needs in the unit handling the item; the one rule table decides who has it.</summary>
    public EditorAction Action => this switch
    {
        Answer => EditorAction.Answer,
        Publish or Close or Unpublish => EditorAction.PublishAnswer,
        _ => EditorAction.HandleSubmission,
    };
}

public abstract record StepOutcome
{
    public sealed record Done(Submission Submission) : StepOutcome;
    public sealed record Refused(string Reason) : StepOutcome;
    public sealed record Conflict : StepOutcome;
}

/// <summary>
/// The officers' side: the inbox and every step of the workflow. Each step writes the item's history and the audit
/// log in the same save. Whoever calls it has already asked the authorization table with <see cref="SubmissionCommand.Action"/>.
/// </summary>
public sealed class SubmissionInbox(CchcDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxAnswer = 20000;
    public const int MaxReason = 1000;

    public DateOnly Today => VietnamTime.Today(clock);

    public async Task<PagedResult<InboxRow>> ListAsync(InboxFilter filter, CancellationToken ct)
    {
        var query = db.Submissions.AsNoTracking();
        if (filter.UnitIds is { } allowed)
            query = query.Where(s => allowed.Contains(s.UnitId));
        if (filter.UnitId is { } unitId)
            query = query.Where(s => s.UnitId == unitId);
        if (filter.Kind is { } kind)
            query = query.Where(s => s.Kind == kind);
        if (!string.IsNullOrEmpty(filter.CategorySlug))
            query = query.Where(s => s.Category!.Slug == filter.CategorySlug);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var code = TrackingCode.Normalize(text);
            query = query.Where(s => s.Title.Contains(text) || s.TrackingCode == code);
        }
        var today = Today;
        var open = new[] { SubmissionStatus.Received, SubmissionStatus.Assigned, SubmissionStatus.Answered };
        query = filter.View switch
        {
            InboxView.Open => query.Where(s => open.Contains(s.Status)),
            InboxView.New => query.Where(s => s.Status == SubmissionStatus.Received),
            InboxView.Assigned => query.Where(s => s.Status == SubmissionStatus.Assigned),
            InboxView.Overdue => query.Where(s => open.Contains(s.Status) && s.DueOn < today),
            InboxView.AwaitingApproval => query.Where(s => s.Status == SubmissionStatus.Answered),
            InboxView.Done => query.Where(s => !open.Contains(s.Status)),
            _ => query,
        };
        var page = await query.OrderBy(s => s.DueOn).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.TrackingCode, s.Kind, s.Title, Unit = s.Unit.ShortName, Category = s.Category!.Name, s.Status, s.ReceivedAt, s.DueOn,
                AssignedTo = db.Users.Where(u => u.Id == s.AssignedUserId).Select(u => u.FullName).FirstOrDefault(),
            }).ToPageAsync(filter.Page, ct);
        return new PagedResult<InboxRow>(page.Items.Select(s => new InboxRow(s.Id, s.TrackingCode, s.Kind, s.Title, s.Unit, s.Category,
            s.Status, s.ReceivedAt, s.DueOn, WorkingDays.Between(today, s.DueOn), s.AssignedTo)).ToList(), page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>One item with its history, for the officer's page.</summary>
    public Task<Submission?> FindAsync(int id, CancellationToken ct) =>
        db.Submissions.Include(s => s.Unit).Include(s => s.Category).Include(s => s.AnsweredByUnit).Include(s => s.MergedInto)
            .Include(s => s.History.OrderBy(h => h.Id)).FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>The people of a unit who may answer its items: whom an item can be assigned to.</summary>
    public async Task<IReadOnlyList<Officer>> OfficersAsync(int unitId, CancellationToken ct)
    {
        var members = await db.UnitMemberships.AsNoTracking().Where(m => m.UnitId == unitId)
            .Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FullName, m.Role }).ToListAsync(ct);
        return members.Where(m => Permissions.RoleAllows(m.Role, EditorAction.Answer))
            .DistinctBy(m => m.Id).Select(m => new Officer(m.Id, m.FullName)).OrderBy(o => o.FullName).ToList();
    }

    public async Task<StepOutcome> StepAsync(Submission submission, Guid version, SubmissionCommand command, Actor actor, CancellationToken ct)
    {
        if (submission.Version != version)
            return new StepOutcome.Conflict();
        var now = clock.GetUtcNow().UtcDateTime;
        var refusal = await ApplyAsync(submission, command, now, ct);
        if (refusal is not null)
            return new StepOutcome.Refused(refusal);

        var (step, note) = Describe(command);
        if (command is SubmissionCommand.Assign assign)
            note = (await OfficersAsync(submission.UnitId, ct)).First(o => o.UserId == assign.UserId).FullName;
        submission.History.Add(new SubmissionEvent
        {
            At = now, Step = step, UserId = actor.UserId, UserName = actor.UserName, UnitId = submission.UnitId, Note = note,
        });
        submission.Version = Guid.NewGuid();
        audit.Record(actor, AuditActions.SubmissionStep,
            $"{step.Vietnamese()}: {submission.Kind.Vietnamese()} {submission.TrackingCode}{(note is null ? "" : $" – {Shorten(note)}")}",
            nameof(Submission), submission.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), submission.UnitId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new StepOutcome.Conflict();
        }
        return new StepOutcome.Done(submission);
    }

    /// <summary>Changes the item as the command says, or returns why it may not.</summary>
    private async Task<string?> ApplyAsync(Submission s, SubmissionCommand command, DateTime now, CancellationToken ct)
    {
        var open = s.Status.IsOpen();
        switch (command)
        {
            case SubmissionCommand.Assign assign:
                if (!open)
                    return "Chỉ phân công được nội dung đang chờ xử lý.";
                if ((await OfficersAsync(s.UnitId, ct)).All(o => o.UserId != assign.UserId))
                    return "Người được phân công phải là cán bộ tiếp nhận hoặc lãnh đạo của đơn vị.";
                s.AssignedUserId = assign.UserId;
                if (s.Status == SubmissionStatus.Received)
                    s.Status = SubmissionStatus.Assigned;
                return null;
            case SubmissionCommand.Forward forward:
                if (!open)
                    return "Chỉ chuyển được nội dung đang chờ xử lý.";
                if (string.IsNullOrWhiteSpace(forward.Reason) || forward.Reason.Length > MaxReason)
                    return $"Vui lòng nêu lý do chuyển (tối đa {MaxReason} ký tự).";
                if (forward.ToUnitId == s.UnitId || await db.Units.FirstOrDefaultAsync(u => u.Id == forward.ToUnitId && u.IsActive, ct) is not { } to)
                    return "Vui lòng chọn một đơn vị khác để chuyển đến.";
                // The receiving unit starts afresh: its own officers assign and answer.
                s.Unit = to;
                s.UnitId = to.Id;
                s.AssignedUserId = null;
                s.AnswerMarkdown = null;
                s.AnsweredByUnitId = null;
                s.Status = SubmissionStatus.Received;
                return null;
            case SubmissionCommand.Answer answer:
                if (!open)
                    return "Nội dung này đã được xử lý xong.";
                if (string.IsNullOrWhiteSpace(answer.Markdown) || answer.Markdown.Length > MaxAnswer)
                    return $"Vui lòng nhập nội dung trả lời (tối đa {MaxAnswer} ký tự).";
                s.AnswerMarkdown = answer.Markdown.Trim();
                s.AnsweredByUnitId = s.UnitId;
                s.Status = SubmissionStatus.Answered;
                return null;
            case SubmissionCommand.Publish:
                if (s.Status != SubmissionStatus.Answered)
                    return "Chỉ công khai được nội dung đã có trả lời.";
                if (s.Kind != SubmissionKind.Question)
                    return "Phản ánh, kiến nghị không đăng lên chuyên mục Hỏi – đáp; hãy gửi trả lời cho người dân.";
                if (!s.PublishConsent)
                    return "Người hỏi không đồng ý công khai câu hỏi; hãy gửi trả lời cho người hỏi.";
                s.Status = SubmissionStatus.Published;
                s.AnsweredAt = now;
                s.PublishedAt = now;
                return null;
            case SubmissionCommand.Close:
                if (s.Status != SubmissionStatus.Answered)
                    return "Chỉ gửi được nội dung đã có trả lời.";
                s.Status = SubmissionStatus.Closed;
                s.AnsweredAt = now;
                return null;
            case SubmissionCommand.Unpublish unpublish:
                if (s.Status != SubmissionStatus.Published)
                    return "Chỉ gỡ được câu hỏi đang công khai.";
                if (string.IsNullOrWhiteSpace(unpublish.Reason) || unpublish.Reason.Length > MaxReason)
                    return $"Vui lòng nêu lý do gỡ (tối đa {MaxReason} ký tự).";
                s.Status = SubmissionStatus.Closed;
                return null;
            case SubmissionCommand.Reject reject:
                if (!open)
                    return "Nội dung này đã được xử lý xong.";
                if (string.IsNullOrWhiteSpace(reject.Reason) || reject.Reason.Length > MaxReason)
                    return $"Vui lòng nêu lý do từ chối (tối đa {MaxReason} ký tự).";
                s.Status = SubmissionStatus.Rejected;
                s.RejectionReason = $"{reject.Kind.Vietnamese()}: {reject.Reason.Trim()}";
                return null;
            case SubmissionCommand.Merge merge:
                if (!open)
                    return "Nội dung này đã được xử lý xong.";
                var code = TrackingCode.Normalize(merge.IntoCode);
                var target = code is null ? null : await db.Submissions.FirstOrDefaultAsync(t => t.TrackingCode == code, ct);
                if (target is null || target.Id == s.Id || target.UnitId != s.UnitId || target.Kind != s.Kind
                    || target.Status is SubmissionStatus.Rejected or SubmissionStatus.Merged)
                    return "Mã cần gộp vào phải là một nội dung khác cùng loại, cùng đơn vị, chưa bị từ chối hay gộp.";
                s.Status = SubmissionStatus.Merged;
                s.MergedIntoId = target.Id;
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(command));
        }
    }

    private static (SubmissionStep Step, string? Note) Describe(SubmissionCommand command) => command switch
    {
        SubmissionCommand.Assign => (SubmissionStep.Assigned, null),
        SubmissionCommand.Forward forward => (SubmissionStep.Forwarded, forward.Reason.Trim()),
        SubmissionCommand.Answer => (SubmissionStep.Answered, null),
        SubmissionCommand.Publish => (SubmissionStep.Published, null),
        SubmissionCommand.Close => (SubmissionStep.Closed, null),
        SubmissionCommand.Reject reject => (SubmissionStep.Rejected, reject.Reason.Trim()),
        SubmissionCommand.Unpublish unpublish => (SubmissionStep.Unpublished, unpublish.Reason.Trim()),
        SubmissionCommand.Merge merge => (SubmissionStep.Merged, TrackingCode.Normalize(merge.IntoCode)),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    private static string Shorten(string note) => note.Length <= 200 ? note : note[..200] + "…";
}
