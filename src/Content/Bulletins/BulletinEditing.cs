using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Indexes;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Questions;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Bulletins;

/// <summary>What an editor asks for when starting an issue.</summary>
public sealed record BulletinStart(int UnitId, int Number, int Year, BulletinPeriod Period, int PeriodIndex);

/// <summary>An item the site proposes for an issue: published by the unit in the period, grouped by reform field.</summary>
public sealed record BulletinCandidate(BulletinItemKind Kind, int Id, string Title, string? Summary, string Url, string Section, int SectionOrder, DateTime At)
{
    /// <summary>The form's name for the item, e.g. "Post-12".</summary>
    public string Key => $"{Kind}-{Id}";
}

/// <summary>One picked item, in the editor's order.</summary>
public sealed record BulletinPick(BulletinItemKind Kind, int Id, int Order);

/// <summary>
/// Starting, compiling and reviewing bulletin issues. Every write asks the permission table (<see cref="EditorAction.Edit"/>
/// to start and compile, the workflow's actions for the steps), writes an audit entry in the same save, and answers with
/// the one <see cref="Outcome{T}"/>.
/// </summary>
public sealed class BulletinEditing(CchcDbContext db, TimeProvider clock, AuditLog audit)
{
    /// <summary>Items that are not in a reform field are grouped last, under this name.</summary>
    public const string OtherSection = "Tin, bài khác";
    public const string IndexSection = "Kết quả chỉ số cải cách hành chính";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<BulletinIssue?> FindAsync(int id, CancellationToken ct) =>
        db.Set<BulletinIssue>().Include(i => i.Unit).Include(i => i.Entries).FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>Issues of the given units (null: every unit), newest first.</summary>
    public async Task<IReadOnlyList<BulletinIssue>> ListAsync(IReadOnlySet<int>? unitIds, CancellationToken ct)
    {
        var query = db.Set<BulletinIssue>().AsNoTracking().Include(i => i.Unit).AsQueryable();
        if (unitIds is not null)
            query = query.Where(i => unitIds.Contains(i.UnitId));
        return await query.OrderByDescending(i => i.Year).ThenByDescending(i => i.Number).Take(200).ToListAsync(ct);
    }

    /// <summary>The number the unit's next issue of the year would take.</summary>
    public async Task<int> NextNumberAsync(int unitId, int year, CancellationToken ct) =>
        (await db.Set<BulletinIssue>().Where(i => i.UnitId == unitId && i.Year == year).MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;

    public async Task<Outcome<BulletinIssue>> StartAsync(BulletinStart start, UserGrants user, Actor actor, CancellationToken ct)
    {
        if (!Permissions.Allows(user, EditorAction.Edit, start.UnitId))
            return new Outcome<BulletinIssue>.Refused("Bạn không có quyền lập bản tin của đơn vị này.");
        var errors = new Dictionary<string, string>();
        if (start.Number is < 1 or > 999)
            errors["so"] = "Số bản tin phải từ 1 đến 999.";
        if (!BulletinPeriods.IsValid(start.Period, start.PeriodIndex, start.Year))
            errors["ky"] = start.Period == BulletinPeriod.Month ? "Vui lòng chọn tháng từ 1 đến 12 của một năm hợp lệ." : "Vui lòng chọn quý từ I đến IV của một năm hợp lệ.";
        if (errors.Count == 0 && await db.Set<BulletinIssue>().AnyAsync(i => i.UnitId == start.UnitId && i.Year == start.Year && i.Number == start.Number, ct))
            errors["so"] = $"Đơn vị đã có bản tin số {start.Number}/{start.Year}.";
        if (errors.Count > 0)
            return Outcome<BulletinIssue>.Invalid.Of(errors);
        var issue = new BulletinIssue
        {
            UnitId = start.UnitId, Number = start.Number, Year = start.Year, Period = start.Period, PeriodIndex = start.PeriodIndex,
            Status = PostStatus.Draft, AuthorId = user.UserId, LastEditorId = user.UserId, CreatedAt = Now, UpdatedAt = Now,
        };
        db.Add(issue);
        audit.Record(actor, AuditActions.BulletinEdited, $"Lập \"{issue.Title}\" ({issue.PeriodText})", nameof(BulletinIssue), null, issue.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<BulletinIssue>.Ok(issue);
    }

    /// <summary>
    /// What the unit published in the issue's period: posts (news, documents, videos, practices, announcements), answered
    /// questions released in its Q&amp;A column and index results it announced. Grouped by reform field, in the fields'
    /// order, newest first within a field.
    /// </summary>
    public async Task<IReadOnlyList<BulletinCandidate>> CandidatesAsync(BulletinIssue issue, CancellationToken ct)
    {
        var (fromDay, toDay) = BulletinPeriods.Days(issue.Period, issue.PeriodIndex, issue.Year);
        var (from, to) = (VietnamTime.StartOfDayUtc(fromDay), VietnamTime.StartOfDayUtc(toDay.AddDays(1)));
        var posts = await db.Posts.AsNoTracking().VisibleAt(Now)
            .Where(p => p.UnitId == issue.UnitId && p.PublishAt >= from && p.PublishAt < to)
            .Select(p => new
            {
                p.Id, p.Title, p.Summary, p.Kind, p.Slug, UnitSlug = p.Unit.Slug, p.PublishAt,
                Section = p.Category == null ? null : p.Category.Name, Order = p.Category == null ? int.MaxValue : p.Category.SortOrder,
            })
            .ToListAsync(ct);
        var questions = await db.Submissions.AsNoTracking()
            .Where(s => s.Kind == SubmissionKind.Question && s.Status == SubmissionStatus.Published && s.UnitId == issue.UnitId
                && s.PublishedAt >= from && s.PublishedAt < to)
            .Select(s => new
            {
                s.Id, s.Title, s.PublishedAt, Section = s.Category == null ? null : s.Category.Name,
                Order = s.Category == null ? int.MaxValue : s.Category.SortOrder,
            })
            .ToListAsync(ct);
        var results = await db.IndexResults.AsNoTracking()
            .Where(r => r.PublisherUnitId == issue.UnitId
                && (r.AnnouncedOn != null ? r.AnnouncedOn >= fromDay && r.AnnouncedOn <= toDay : r.CreatedAt >= from && r.CreatedAt < to))
            .Select(r => new
            {
                r.Id, Index = r.IndexDefinition.Name, r.Year, Unit = r.Unit.ShortName, r.Score, r.Rank, r.RankedOf, r.CreatedAt,
                PublisherSlug = db.Units.Where(u => u.Id == r.PublisherUnitId).Select(u => u.Slug).First(),
            })
            .ToListAsync(ct);
        return
        [
            .. posts.Select(p => new BulletinCandidate(BulletinItemKind.Post, p.Id, p.Title, p.Summary, PostKindSegments.PostUrl(p.UnitSlug, p.Kind, p.Slug),
                p.Section ?? OtherSection, p.Order, p.PublishAt!.Value)),
            .. questions.Select(q => new BulletinCandidate(BulletinItemKind.Question, q.Id, "Hỏi – đáp: " + q.Title, null, PublishedQuestionUrls.Of(q.Id),
                q.Section ?? OtherSection, q.Order, q.PublishedAt!.Value)),
            .. results.Select(r => new BulletinCandidate(BulletinItemKind.IndexResult, r.Id,
                $"{r.Index} năm {r.Year}: {r.Unit} đạt {r.Score:0.##} điểm" + (r.Rank is { } rank ? $", xếp thứ {rank}" + (r.RankedOf is { } of ? $"/{of}" : "") : ""),
                null, $"/{r.PublisherSlug}/chi-so", IndexSection, int.MaxValue - 1, r.CreatedAt)),
        ];
    }

    /// <summary>
    /// Sets the introduction and the entries of a draft: only items proposed for its period can be picked, each once; they
    /// are copied as they read now (<see cref="BulletinEntry"/>).
    /// </summary>
    public async Task<Outcome<BulletinIssue>> SaveAsync(BulletinIssue issue, string? introduction, IReadOnlyList<BulletinPick> picks, UserGrants user,
        Actor actor, CancellationToken ct)
    {
        if (!Permissions.Allows(user, EditorAction.Edit, issue.UnitId))
            return new Outcome<BulletinIssue>.Refused("Bạn không có quyền sửa bản tin của đơn vị này.");
        if (!BulletinWorkflow.IsEditable(issue))
            return new Outcome<BulletinIssue>.Refused($"Bản tin đang ở trạng thái \"{issue.Status.Vietnamese()}\": chỉ sửa được bản nháp.");
        var text = (introduction ?? "").Trim();
        if (text.Length > BulletinIssue.MaxIntroduction)
            return new Outcome<BulletinIssue>.Invalid("loi-gioi-thieu", TextLimit.TooLong("Lời giới thiệu", BulletinIssue.MaxIntroduction));
        var candidates = (await CandidatesAsync(issue, ct)).ToDictionary(c => (c.Kind, c.Id));
        var unknown = picks.Where(p => !candidates.ContainsKey((p.Kind, p.Id))).ToList();
        if (unknown.Count > 0)
            return new Outcome<BulletinIssue>.Invalid("chon", "Có mục không thuộc kỳ của bản tin hoặc không còn được đăng; vui lòng tải lại trang và chọn lại.");
        issue.Introduction = text;
        issue.Entries.Clear();
        var ordered = picks.DistinctBy(p => (p.Kind, p.Id)).OrderBy(p => p.Order).ThenBy(p => candidates[(p.Kind, p.Id)].SectionOrder).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var c = candidates[(ordered[i].Kind, ordered[i].Id)];
            issue.Entries.Add(new BulletinEntry
            {
                Order = i + 1, ItemKind = c.Kind, ItemId = c.Id, Title = Cut(c.Title, BulletinEntry.MaxTitle), Summary = c.Summary is null ? null : Cut(c.Summary, BulletinEntry.MaxSummary),
                Url = c.Url, Section = Cut(c.Section, BulletinEntry.MaxSection),
            });
        }
        issue.LastEditorId = user.UserId;
        issue.UpdatedAt = Now;
        audit.Record(actor, AuditActions.BulletinEdited, $"Sửa \"{issue.Title}\": {issue.Entries.Count} mục", nameof(BulletinIssue), issue.Id.ToString(), issue.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<BulletinIssue>.Ok(issue);
    }

    public async Task<Outcome<BulletinIssue>> StepAsync(BulletinIssue issue, WorkflowStep step, UserGrants user, Actor actor, string? note, CancellationToken ct)
    {
        var decision = BulletinWorkflow.Check(issue, step, user, issue.Unit.AllowSelfPublishing);
        if (!decision.Allowed)
            return new Outcome<BulletinIssue>.Refused(decision.Reason!);
        var comment = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (comment is { Length: > PostWorkflow.MaxNote })
            return new Outcome<BulletinIssue>.Refused(TextLimit.TooLong("Ghi chú", PostWorkflow.MaxNote));
        var before = issue.Status.Vietnamese();
        var firstPublish = step == WorkflowStep.Publish && issue.PublishedAt is null;
        BulletinWorkflow.Apply(issue, step, user.UserId, Now, comment);
        // Subscribers get an issue once, when it first becomes public; republishing after a correction sends nothing again.
        if (firstPublish)
            Subscriptions.SubscriptionAlerts.Published(db, issue, Now);
        audit.Record(actor, AuditActions.BulletinStep, $"\"{issue.Title}\": {before} → {issue.Status.Vietnamese()}{(comment is null ? "" : $" ({comment})")}",
            nameof(BulletinIssue), issue.Id.ToString(), issue.UnitId);
        await db.SaveChangesAsync(ct);
        return new Outcome<BulletinIssue>.Ok(issue);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
