using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Procedures;

/// <summary>
/// The one public read path of procedures, for pages, feeds and the API. Procedures are public in every status: an
/// abolished one leaves the default list (in force) but keeps its page, which says so.
/// </summary>
public sealed class PublicProcedures(CchcDbContext db, UnitDirectory units, SitePageBuilder pages, PublishedPosts posts, SearchIndex index,
    TimeProvider clock)
{
    public async Task<ProcedureChoices> ChoicesAsync(CancellationToken ct)
    {
        var terms = await db.ProcedureTerms.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
        var unitIds = await db.Procedures.SelectMany(p => p.Units).Select(u => u.UnitId).Distinct().ToListAsync(ct);
        var handling = (await units.SubtreesAsync(unitIds.ToHashSet(), ct)).Where(u => unitIds.Contains(u.Id)).ToList();
        return new ProcedureChoices(
            terms.Where(t => t.List == ProcedureList.Field).Select(t => new TermRef(t.Slug, t.Name)).ToList(),
            terms.Where(t => t.List == ProcedureList.Level).Select(t => new TermRef(t.Slug, t.Name)).ToList(),
            handling);
    }

    /// <summary>
    /// One page of the list and the counts per field under the other filters. Typed words are looked up in the index (the
    /// code as written first, then the name with or without tones), in the index's order; without words, by name.
    /// </summary>
    public async Task<(PagedResult<ProcedureCard> Page, IReadOnlyList<FieldCount> Fields, string? Message)> ListAsync(
        ProcedureFilter filter, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var query = db.Procedures.AsNoTracking();
        if (filter.Status is { } status)
            query = query.Where(p => p.Status == status);
        if (filter.Level is { } level)
            query = query.Where(p => p.Level.Slug == level);
        if (filter.Online is { } online)
            query = query.Where(p => p.OnlineLevel == online);
        if (unitIds is not null)
            query = query.Where(p => p.Units.Any(u => unitIds.Contains(u.UnitId)));
        else if (filter.Unit is { } unitSlug)
            query = query.Where(p => p.Units.Any(u => u.Unit.Slug == unitSlug));

        string? message = null;
        List<int>? ranked = null;
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            if (UserQuery.TryParse(filter.Query, out var words, out var error))
            {
                ranked = IndexSearch.Find(index, new IndexCriteria(words, clock.GetUtcNow().UtcDateTime)
                {
                    OtherKind = ProcedureSearchDocument.KindValue,
                    Page = new PageRequest(1, IndexSearch.MaxDepth),
                }).Hits.Select(h => h.Id).ToList();
                query = query.Where(p => ranked.Contains(p.Id));
            }
            else
                message = error;
        }

        var counts = await query.GroupBy(p => new { p.Field.Slug, p.Field.Name, p.Field.SortOrder })
            .Select(g => new { g.Key.Slug, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(ct);
        var fields = counts.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new FieldCount(new TermRef(c.Slug, c.Name), c.Count)).ToList();
        if (filter.Field is { } field)
            query = query.Where(p => p.Field.Slug == field);

        var cards = query.Select(p => new { p.Id, p.Name, p.FoldedName, Card = new ProcedureCard(p.Code, p.Name, new TermRef(p.Field.Slug, p.Field.Name),
            new TermRef(p.Level.Slug, p.Level.Name), p.ProcessingTime, p.Fees, p.FeeAmount, p.OnlineLevel, p.Status) });
        if (ranked is null)
        {
            var page = await cards.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Card).ToPageAsync(filter.Page, ct);
            return (page, fields, message);
        }
        // At most a thousand ranked ids: ordered here by the index's rank.
        var found = await cards.ToListAsync(ct);
        var rank = ranked.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        // The index ranks by its signals; a name that is the very words typed ("dang ky khai sinh" → "Đăng ký khai sinh"), then
        // one that starts with them, comes before names that only contain them, and the code typed exactly before all.
        var typed = ProcedureRules.Fold(filter.Query!);
        var ordered = found.OrderBy(c => c.Card.Code == typed.Trim() ? 0 : c.FoldedName == typed ? 1 : c.FoldedName.StartsWith(typed + " ", StringComparison.Ordinal) ? 2 : 3)
            .ThenBy(c => rank[c.Id]).Select(c => c.Card).ToList();
        var items = filter.Page.Skip >= ordered.Count ? [] : ordered.Skip((int)filter.Page.Skip).Take(filter.Page.PageSize).ToList();
        return (new PagedResult<ProcedureCard>(items, filter.Page.Page, filter.Page.PageSize, ordered.Count), fields, message);
    }

    public async Task<ProceduresPage?> ListPageAsync(string? unitSlug, ProcedureFilter filter, CancellationToken ct)
    {
        UnitNode? unit = null;
        if (unitSlug is not null && (unit = await units.FindAsync(unitSlug, ct)) is null)
            return null;
        var unitIds = unit?.SelfAndDescendants().Select(n => n.Unit.Id).ToList();
        var (page, fields, message) = await ListAsync(filter, unitIds, ct);
        List<Breadcrumb> trail = unit is null
            ? [new("Trang chủ", "/"), new("Thủ tục hành chính", null)]
            : [.. await pages.UnitTrailAsync(unit.Unit.Slug, ct), new("Thủ tục hành chính", null)];
        return new ProceduresPage(unit, ProcedureAddresses.ListUrl(unitSlug), filter, await ChoicesAsync(ct), message, page, fields, trail);
    }

    public async Task<ProcedureDetail?> FindAsync(string code, CancellationToken ct)
    {
        var p = await db.Procedures.AsNoTracking().Where(p => p.Code == code)
            .Include(p => p.Field).Include(p => p.Level).Include(p => p.Units).ThenInclude(u => u.Unit).Include(p => p.Revisions)
            .AsSplitQuery().SingleOrDefaultAsync(ct);
        if (p is null)
            return null;

        var assetIds = p.Dossier.Where(d => d.FormAssetId is not null).Select(d => d.FormAssetId!.Value).ToList();
        var assets = await db.MediaAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id))
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.Length }).ToDictionaryAsync(a => a.Id, ct);
        var postIds = p.LegalBases.Where(l => l.DocumentPostId is not null).Select(l => l.DocumentPostId!.Value)
            .Concat(p.DecisionPostId is { } d ? [d] : []).Distinct().ToList();
        var documents = await PublicDocumentUrlsAsync(postIds, ct);

        ProcedureCard? replacedBy = null;
        if (p.ReplacedByCode is { } replacement)
            replacedBy = await db.Procedures.AsNoTracking().Where(r => r.Code == replacement)
                .Select(r => new ProcedureCard(r.Code, r.Name, new TermRef(r.Field.Slug, r.Field.Name), new TermRef(r.Level.Slug, r.Level.Name),
                    r.ProcessingTime, r.Fees, r.FeeAmount, r.OnlineLevel, r.Status)).SingleOrDefaultAsync(ct);

        return new ProcedureDetail(
            CardOf(p), p.ProcedureType, p.ImplementingBody, p.CompetentBody, p.WhereToSubmit, p.Steps,
            p.Ways.Select(w => new WayView(w.Channel.Vietnamese(), w.ProcessingTime, w.Fee, w.Description)).ToList(),
            p.Dossier.Select((c, i) => new DossierView(c.Name, c.Originals, c.Copies, c.FormName,
                c.FormAssetId is { } id && assets.TryGetValue(id, out var a)
                    ? new FileRef(c.FormName ?? c.Name, ProcedureAddresses.FormUrl(p.Code, i + 1, a.FileName), a.FileName, a.ContentType, a.Length) : null)).ToList(),
            p.Subjects, p.Result,
            p.LegalBases.Select(l => new LinkedText(l.Text, l.DocumentPostId is { } doc ? documents.GetValueOrDefault(doc) : null)).ToList(),
            p.Requirements, p.PortalUrl,
            p.Units.OrderBy(u => u.SortOrder).Select(u => new UnitRef(u.Unit.Id, u.Unit.Slug, u.Unit.Name, u.Unit.ShortName, u.Unit.Kind)).ToList(),
            p.DecisionNumber is null ? null : new LinkedText(
                $"Quyết định số {p.DecisionNumber}" + (p.DecisionDate is { } date ? $" ngày {Text.VietnamTime.FormatDate(date)}" : ""),
                p.DecisionPostId is { } decision ? documents.GetValueOrDefault(decision) : null),
            p.StatusSince, replacedBy,
            p.Revisions.OrderByDescending(r => r.Number).Select(r => new RevisionView(r.Number, r.At, r.Source, r.Change?.Vietnamese(),
                r.DecisionNumber, r.DecisionDate, r.ChangedFields)).ToList());
    }

    public async Task<ProcedurePage?> PageAsync(string code, CancellationToken ct)
    {
        if (await FindAsync(code, ct) is not { } procedure)
            return null;
        return new ProcedurePage(procedure, [new("Trang chủ", "/"), new("Thủ tục hành chính", ProcedureAddresses.ListUrl(null)), new(procedure.Card.Code, null)]);
    }

    /// <summary>
    /// What announcing decisions did, newest decision first: every revision made under a decision, the procedure as it is
    /// now. A unit's list holds the procedures it (or a unit below it) handles.
    /// </summary>
    public async Task<IReadOnlyList<DecisionGroup>> ChangesAsync(IReadOnlyCollection<int>? unitIds, int maxDecisions, CancellationToken ct)
    {
        var revisions = db.ProcedureRevisions.AsNoTracking().Where(r => r.DecisionNumber != null && r.Change != null);
        if (unitIds is not null)
            revisions = revisions.Where(r => db.Procedures.Any(p => p.Id == r.ProcedureId && p.Units.Any(u => unitIds.Contains(u.UnitId))));
        var rows = await revisions
            .Join(db.Procedures, r => r.ProcedureId, p => p.Id, (r, p) => new
            {
                r.DecisionNumber, r.DecisionDate, r.Change, r.Number,
                Card = new ProcedureCard(p.Code, p.Name, new TermRef(p.Field.Slug, p.Field.Name), new TermRef(p.Level.Slug, p.Level.Name),
                    p.ProcessingTime, p.Fees, p.FeeAmount, p.OnlineLevel, p.Status),
                DecisionPostId = p.DecisionNumber == r.DecisionNumber ? p.DecisionPostId : null,
            }).ToListAsync(ct);
        var groups = rows.GroupBy(r => r.DecisionNumber!)
            .Select(g => (Number: g.Key, Date: g.Max(r => r.DecisionDate), PostId: g.Select(r => r.DecisionPostId).FirstOrDefault(id => id is not null),
                Changes: g.OrderBy(r => r.Change).ThenBy(r => r.Card.Code, StringComparer.Ordinal)
                    .DistinctBy(r => r.Card.Code).Select(r => new ChangeEntry(r.Card, r.Change!.Value.Vietnamese())).ToList()))
            .OrderByDescending(g => g.Date).ThenByDescending(g => g.Number, StringComparer.Ordinal).Take(maxDecisions).ToList();
        var documents = await PublicDocumentUrlsAsync(groups.Where(g => g.PostId is not null).Select(g => g.PostId!.Value).ToList(), ct);
        return groups.Select(g => new DecisionGroup(g.Number, g.Date, g.PostId is { } id ? documents.GetValueOrDefault(id) : null, g.Changes)).ToList();
    }

    /// <summary>
    /// The announcement whose first revision is <paramref name="revisionId"/>: every revision of the same save under the
    /// same decision (the same number and time), each procedure as it is now. Null when the revision is gone or announces nothing.
    /// </summary>
    public async Task<ProcedureAnnouncement?> AnnouncementAsync(long revisionId, CancellationToken ct)
    {
        var lead = await db.ProcedureRevisions.AsNoTracking().Where(r => r.Id == revisionId && r.DecisionNumber != null && r.Change != null)
            .Select(r => new { r.DecisionNumber, r.DecisionDate, r.At }).FirstOrDefaultAsync(ct);
        if (lead is null)
            return null;
        var revisions = await db.ProcedureRevisions.AsNoTracking().OfAnnouncement(lead.DecisionNumber, lead.At)
            .OrderBy(r => r.Id).Select(r => new { r.ProcedureId, r.Change, r.ChangedFields }).ToListAsync(ct);
        var ids = revisions.Select(r => r.ProcedureId).Distinct().ToList();
        var procedures = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Include(p => p.Field).Include(p => p.Level).Include(p => p.Units).ThenInclude(u => u.Unit)
            .AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
        var changes = revisions.Where(r => procedures.ContainsKey(r.ProcedureId))
            .Select(r => new ChangeEntry(CardOf(procedures[r.ProcedureId]), r.Change!.Value.Vietnamese(), r.ChangedFields)).ToList();
        if (changes.Count == 0)
            return null;
        var first = procedures[revisions.First(r => procedures.ContainsKey(r.ProcedureId)).ProcedureId];
        var unit = first.Units.OrderBy(u => u.SortOrder).Select(u => u.Unit).First();
        var decisionPost = procedures.Values.Where(p => p.DecisionNumber == lead.DecisionNumber).Select(p => p.DecisionPostId).FirstOrDefault(id => id is not null);
        var documents = await PublicDocumentUrlsAsync(decisionPost is { } postId ? [postId] : [], ct);
        return new ProcedureAnnouncement(revisionId,
            new DecisionGroup(lead.DecisionNumber!, lead.DecisionDate, decisionPost is { } id ? documents.GetValueOrDefault(id) : null, changes),
            lead.At, new UnitRef(unit.Id, unit.Slug, unit.Name, unit.ShortName, unit.Kind));
    }

    public async Task<ProcedureChangesPage?> ChangesPageAsync(string? unitSlug, CancellationToken ct)
    {
        UnitNode? unit = null;
        if (unitSlug is not null && (unit = await units.FindAsync(unitSlug, ct)) is null)
            return null;
        var decisions = await ChangesAsync(unit?.SelfAndDescendants().Select(n => n.Unit.Id).ToList(), 50, ct);
        List<Breadcrumb> trail = unit is null
            ? [new("Trang chủ", "/"), new("Thủ tục hành chính", ProcedureAddresses.ListUrl(null)), new("Công bố, sửa đổi, bãi bỏ", null)]
            : [.. await pages.UnitTrailAsync(unit.Unit.Slug, ct), new("Thủ tục hành chính", ProcedureAddresses.ListUrl(unit.Unit.Slug)),
                new("Công bố, sửa đổi, bãi bỏ", null)];
        return new ProcedureChangesPage(unit, decisions, trail);
    }

    /// <summary>The addresses of the Document posts the public can open, by post id.</summary>
    private async Task<Dictionary<int, string>> PublicDocumentUrlsAsync(IReadOnlyList<int> postIds, CancellationToken ct)
    {
        if (postIds.Count == 0)
            return [];
        var cards = await posts.CardsAsync(postIds, ct);
        return cards.ToDictionary(c => c.Id, c => c.Url);
    }

    /// <summary>The media asset of a procedure's form, as its address names it: the component's number and the file's name.</summary>
    public async Task<int?> FormAssetAsync(string code, int component, CancellationToken ct)
    {
        var dossier = await db.Procedures.AsNoTracking().Where(p => p.Code == code).Select(p => p.Dossier).SingleOrDefaultAsync(ct);
        return dossier is null || component < 1 || component > dossier.Count ? null : dossier[component - 1].FormAssetId;
    }

    internal static ProcedureCard CardOf(Procedure p) =>
        new(p.Code, p.Name, new TermRef(p.Field.Slug, p.Field.Name), new TermRef(p.Level.Slug, p.Level.Name), p.ProcessingTime, p.Fees,
            p.FeeAmount, p.OnlineLevel, p.Status);
}

public static class ProcedureAnnouncements
{
    /// <summary>The revisions of one announcement: those one save or import made under one decision (its number, its time).</summary>
    public static IQueryable<ProcedureRevision> OfAnnouncement(this IQueryable<ProcedureRevision> revisions, string? decisionNumber, DateTime at) =>
        revisions.Where(r => r.DecisionNumber == decisionNumber && r.At == at && r.Change != null);
}
