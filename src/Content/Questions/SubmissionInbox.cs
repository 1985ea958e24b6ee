using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
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

    /// <summary>The votes on its answer in the Q&amp;A column ("có hữu ích không?"); null for what was never published there.</summary>
    public HelpfulCounts? Helpful { get; init; }
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

    /// <summary>The step of the workflow the command asks for, as the item's history records it.</summary>
    public SubmissionStep Step => this switch
    {
        Assign => SubmissionStep.Assigned,
        Forward => SubmissionStep.Forwarded,
        Answer => SubmissionStep.Answered,
        Publish => SubmissionStep.Published,
        Close => SubmissionStep.Closed,
        Unpublish => SubmissionStep.Unpublished,
        Reject => SubmissionStep.Rejected,
        Merge => SubmissionStep.Merged,
        _ => throw new InvalidOperationException(GetType().Name),
    };

    /// <summary>The permission the command needs in the unit handling the item; the one rule table decides who has it.</summary>
    public EditorAction Action => SubmissionWorkflow.ActionFor(Step);
}

/// <summary>
/// The officers' side: the inbox and every step of the workflow, decided by <see cref="SubmissionWorkflow"/>. Each step
/// writes the item's history and the audit log in the same save.
/// </summary>
public sealed class SubmissionInbox(CchcDbContext db, AuditLog audit, Procedures.ProcedureLookup procedures, HelpfulVotes votes, TimeProvider clock)
{
    public const int MaxAnswer = 20000;
    public const int MaxReason = 1000;
    public const string ConflictMessage = "Nội dung vừa được người khác xử lý. Vui lòng xem lại rồi thực hiện lại thao tác.";

    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>The items of the filter, in no order.</summary>
    private IQueryable<Submission> Filtered(InboxFilter filter)
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
            var code = TrackingCode.Normalize(filter.Text.Trim());
            query = query.WhereContains(s => s.Title, filter.Text, orElse: s => s.TrackingCode == code);
        }
        var today = Today;
        var open = new[] { SubmissionStatus.Received, SubmissionStatus.Assigned, SubmissionStatus.Answered };
        return filter.View switch
        {
            InboxView.Open => query.Where(s => open.Contains(s.Status)),
            InboxView.New => query.Where(s => s.Status == SubmissionStatus.Received),
            InboxView.Assigned => query.Where(s => s.Status == SubmissionStatus.Assigned),
            InboxView.Overdue => query.Where(s => open.Contains(s.Status) && s.DueOn < today),
            InboxView.AwaitingApproval => query.Where(s => s.Status == SubmissionStatus.Answered),
            InboxView.Done => query.Where(s => !open.Contains(s.Status)),
            _ => query,
        };
    }

    public async Task<PagedResult<InboxRow>> ListAsync(InboxFilter filter, CancellationToken ct)
    {
        var today = Today;
        var page = await Filtered(filter).OrderBy(s => s.DueOn).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.TrackingCode, s.Kind, s.Title, Unit = s.Unit.ShortName, Category = s.Category!.Name, s.Status, s.ReceivedAt, s.DueOn,
                AssignedTo = db.Users.Where(u => u.Id == s.AssignedUserId).Select(u => u.FullName).FirstOrDefault(),
                WasPublished = s.Kind == SubmissionKind.Question && s.PublishedAt != null,
            }).ToPageAsync(filter.Page, ct);
        var helpful = await votes.CountsAsync([.. page.Items.Where(s => s.WasPublished).Select(s => s.Id)], ct);
        return new PagedResult<InboxRow>(page.Items.Select(s => new InboxRow(s.Id, s.TrackingCode, s.Kind, s.Title, s.Unit, s.Category,
            s.Status, s.ReceivedAt, s.DueOn, WorkingDays.Between(today, s.DueOn), s.AssignedTo) { Helpful = helpful.GetValueOrDefault(s.Id) })
            .ToList(), page.Page, page.PageSize, page.TotalCount);
    }

    /// <summary>The votes on the answers of every item of the filter (all pages): the total of the inbox's column.</summary>
    public Task<HelpfulCounts> HelpfulTotalAsync(InboxFilter filter, CancellationToken ct) =>
        votes.TotalAsync(Filtered(filter).Select(s => s.Id), ct);

    /// <summary>One item with its history, for the officer's page.</summary>
    public Task<Submission?> FindAsync(int id, CancellationToken ct) =>
        db.Submissions.Include(s => s.Unit).Include(s => s.Category).Include(s => s.Procedure).Include(s => s.AnsweredByUnit).Include(s => s.MergedInto)
            .Include(s => s.History.OrderBy(h => h.Id)).FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>
    /// The names of the people who took the item's steps, by user id, as <see cref="PersonName"/> gives them: the history
    /// stores the account (an e-mail address), which officers' colleagues and the page's readers need not see.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ActorNamesAsync(Submission item, CancellationToken ct)
    {
        var ids = item.History.Select(h => h.UserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.UserName }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => PersonName.Of(u.FullName, u.UserName));
    }

    /// <summary>The people of a unit who may answer its items: whom an item can be assigned to.</summary>
    public async Task<IReadOnlyList<Officer>> OfficersAsync(int unitId, CancellationToken ct)
    {
        var members = await db.UnitMemberships.AsNoTracking().Where(m => m.UnitId == unitId)
            .Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FullName, u.UserName, m.Role }).ToListAsync(ct);
        return members.Where(m => Permissions.RoleAllows(m.Role, EditorAction.Answer))
            .DistinctBy(m => m.Id).Select(m => new Officer(m.Id, PersonName.Of(m.FullName, m.UserName))).OrderBy(o => o.FullName).ToList();
    }

    /// <summary>
    /// Loads what the rules need, asks <see cref="SubmissionWorkflow"/> for the user, applies the step and saves it with
    /// its history and audit entry; or says why not, changing nothing.
    /// </summary>
    public async Task<Outcome<Submission>> StepAsync(Submission submission, Guid version, SubmissionCommand command, UserGrants user, Actor actor,
        CancellationToken ct)
    {
        if (submission.Version != version)
            return new Outcome<Submission>.Conflict(ConflictMessage);
        var facts = await FactsAsync(submission, command, ct);
        var decision = SubmissionWorkflow.Check(facts, command, user);
        if (!decision.Allowed)
            return new Outcome<Submission>.Refused(decision.Reason!);
        var now = clock.GetUtcNow().UtcDateTime;
        SubmissionWorkflow.Apply(facts, command, now);

        var note = NoteOf(command, facts);
        submission.History.Add(new SubmissionEvent
        {
            At = now, Step = command.Step, UserId = actor.UserId, UserName = actor.UserName, UnitId = submission.UnitId, Note = note,
        });
        submission.Version = Guid.NewGuid();
        audit.Record(actor, AuditActions.SubmissionStep,
            $"{command.Step.Vietnamese()}: {submission.Kind.Vietnamese()} {submission.TrackingCode}{(note is null ? "" : $" – {Shorten(note)}")}",
            nameof(Submission), submission.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), submission.UnitId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<Submission>.Conflict(ConflictMessage);
        }
        return new Outcome<Submission>.Ok(submission);
    }

    /// <summary>
    /// Names the procedure a question is about, or corrects what the citizen named (empty: none); the officers who handle
    /// the unit's items may, in any state, since a published answer is found from the procedure's page by it.
    /// </summary>
    public async Task<Outcome<Submission>> SetProcedureAsync(Submission submission, Guid version, string? typed, UserGrants user, Actor actor,
        CancellationToken ct)
    {
        if (!Permissions.Allows(user, EditorAction.HandleSubmission, submission.UnitId))
            return new Outcome<Submission>.Refused("Bạn không có quyền thực hiện thao tác này với câu hỏi, phản ánh của đơn vị này.");
        if (submission.Kind != SubmissionKind.Question)
            return new Outcome<Submission>.Refused("Chỉ câu hỏi mới ghi thủ tục hành chính liên quan.");
        if (submission.Version != version)
            return new Outcome<Submission>.Conflict(ConflictMessage);
        var found = await procedures.FindAsync(typed, ct);
        if (found.Problem is { } problem)
            return new Outcome<Submission>.Invalid(ProcedureField,
                found.Candidates.Count == 0 ? problem : $"{problem} {string.Join("; ", found.Candidates.Select(c => c.Label))}.");
        if (found.Id == submission.ProcedureId)
            return new Outcome<Submission>.Ok(submission);
        submission.ProcedureId = found.Id;
        submission.Version = Guid.NewGuid();
        audit.Record(actor, AuditActions.SubmissionStep,
            $"Thủ tục liên quan: {submission.Kind.Vietnamese()} {submission.TrackingCode} – {found.Found?.Label ?? "không có"}",
            nameof(Submission), submission.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), submission.UnitId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<Submission>.Conflict(ConflictMessage);
        }
        // The page shows the procedure by its navigation, which the id alone does not load.
        submission.Procedure = found.Id is { } id ? await db.Procedures.FindAsync([id], ct) : null;
        return new Outcome<Submission>.Ok(submission);
    }

    public const string ProcedureField = "Procedure";

    /// <summary>The item's own facts and, for the command, only what it names.</summary>
    private async Task<SubmissionFacts> FactsAsync(Submission s, SubmissionCommand command, CancellationToken ct) => SubmissionFacts.Of(s) with
    {
        Officers = command is SubmissionCommand.Assign ? await OfficersAsync(s.UnitId, ct) : [],
        ForwardTo = command is SubmissionCommand.Forward forward
            ? await db.Units.FirstOrDefaultAsync(u => u.Id == forward.ToUnitId && u.IsActive, ct) : null,
        MergeInto = command is SubmissionCommand.Merge merge && TrackingCode.Normalize(merge.IntoCode) is { } code
            ? await db.Submissions.FirstOrDefaultAsync(t => t.TrackingCode == code, ct) : null,
    };

    /// <summary>What the history keeps beside the step: whom it was assigned to, the reason given, the code merged into.</summary>
    private static string? NoteOf(SubmissionCommand command, SubmissionFacts facts) => command switch
    {
        SubmissionCommand.Assign assign => facts.Officers.First(o => o.UserId == assign.UserId).FullName,
        SubmissionCommand.Forward forward => forward.Reason.Trim(),
        SubmissionCommand.Reject reject => reject.Reason.Trim(),
        SubmissionCommand.Unpublish unpublish => unpublish.Reason.Trim(),
        SubmissionCommand.Merge merge => TrackingCode.Normalize(merge.IntoCode),
        _ => null,
    };

    private static string Shorten(string note) => note.Length <= 200 ? note : note[..200] + "…";
}
