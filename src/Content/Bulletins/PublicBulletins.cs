using CchcSite.Content.Data;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Site;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Bulletins;

/// <summary>An issue in the archive.</summary>
public sealed record BulletinSummary(int Id, string Title, string PeriodText, UnitRef Unit, DateTime PublishedAt, int EntryCount)
{
    public string Url => PublicBulletins.IssueUrl(Id);
}

public sealed record BulletinSection(string Name, IReadOnlyList<BulletinEntry> Entries);

/// <summary>A published issue as readers (the page, the print layout, the PDF, the mail) see it.</summary>
public sealed record BulletinView(int Id, string Title, string PeriodText, UnitRef Unit, DateTime PublishedAt, IReadOnlyList<string> Introduction,
    IReadOnlyList<BulletinSection> Sections)
{
    public string Url => PublicBulletins.IssueUrl(Id);
    public string PrintUrl => Url + "/in";
    public string PdfUrl => PublicBulletins.PdfUrl(Id);
}

/// <summary><c>/ban-tin</c> and <c>/{unit}/ban-tin</c>: published issues, newest first.</summary>
public sealed record BulletinArchivePage(UnitNode? Unit, PagedResult<BulletinSummary> Issues, IReadOnlyList<Breadcrumb> Trail)
    : SitePage(Unit is null ? "Bản tin cải cách hành chính" : $"Bản tin CCHC – {Unit.Unit.ShortName}", Trail);

/// <summary><c>/ban-tin/{id}</c>.</summary>
public sealed record BulletinPage(BulletinView Issue, IReadOnlyList<Breadcrumb> Trail) : SitePage($"{Issue.Title} – {Issue.Unit.ShortName}", Trail);

/// <summary>The public side of the bulletin: only published issues of active units are ever read here.</summary>
public sealed class PublicBulletins(CchcDbContext db, UnitDirectory units, SitePageBuilder pages)
{
    public const string Segment = "ban-tin";

    public static string IssueUrl(int id) => $"/{Segment}/{id}";

    public static string PdfUrl(int id) => $"/{Segment}/{id}/tai-ve.pdf";

    public static string UnitArchiveUrl(string unitSlug) => $"/{unitSlug}/{Segment}";

    private IQueryable<BulletinIssue> Published =>
        db.Set<BulletinIssue>().AsNoTracking().Where(i => i.Status == PostStatus.Published && i.Unit.IsActive);

    public async Task<BulletinArchivePage?> ArchiveAsync(string? unitSlug, int page, CancellationToken ct)
    {
        UnitNode? unit = null;
        var query = Published;
        if (unitSlug is not null)
        {
            if ((unit = await units.FindAsync(unitSlug, ct)) is null)
                return null;
            var ids = unit.SelfAndDescendants().Select(n => n.Unit.Id).ToList();
            query = query.Where(i => ids.Contains(i.UnitId));
        }
        var issues = await query.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id)
            .Select(i => new { i.Id, i.Number, i.Year, i.Period, i.PeriodIndex, i.PublishedAt, Unit = new UnitRef(i.Unit.Id, i.Unit.Slug, i.Unit.Name, i.Unit.ShortName, i.Unit.Kind), Count = i.Entries.Count })
            .ToPageAsync(new PageRequest(page), ct);
        var list = new PagedResult<BulletinSummary>(
            issues.Items.Select(i => new BulletinSummary(i.Id, BulletinPeriods.Title(i.Number, i.Year), BulletinPeriods.Text(i.Period, i.PeriodIndex, i.Year), i.Unit,
                i.PublishedAt!.Value, i.Count)).ToList(), issues.Page, issues.PageSize, issues.TotalCount);
        IReadOnlyList<Breadcrumb> trail = unitSlug is null ? [new("Trang chủ", "/"), new("Bản tin CCHC", null)]
            : [.. await pages.UnitTrailAsync(unitSlug, ct), new("Bản tin CCHC", null)];
        return new BulletinArchivePage(unit, list, trail);
    }

    public async Task<BulletinView?> FindAsync(int id, CancellationToken ct)
    {
        var issue = await Published.Include(i => i.Unit).Include(i => i.Entries).FirstOrDefaultAsync(i => i.Id == id, ct);
        return issue is null ? null : ViewOf(issue);
    }

    public async Task<BulletinPage?> PageAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } issue)
            return null;
        return new BulletinPage(issue,
            [.. await pages.UnitTrailAsync(issue.Unit.Slug, ct), new("Bản tin CCHC", UnitArchiveUrl(issue.Unit.Slug)), new(issue.Title, null)]);
    }

    /// <summary>
    /// An issue as it reads, whatever its state: the editor's preview uses it (after its own authorization check) so that
    /// what a reviewer approves is what readers will see. Sections come in the order of their first entry.
    /// </summary>
    public static BulletinView ViewOf(BulletinIssue issue)
    {
        var sections = issue.Entries.OrderBy(e => e.Order).GroupBy(e => e.Section)
            .Select(g => new BulletinSection(g.Key, g.ToList())).ToList();
        var introduction = issue.Introduction.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unit = new UnitRef(issue.Unit.Id, issue.Unit.Slug, issue.Unit.Name, issue.Unit.ShortName, issue.Unit.Kind);
        return new BulletinView(issue.Id, issue.Title, issue.PeriodText, unit, issue.PublishedAt ?? issue.UpdatedAt, introduction, sections);
    }
}
