using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Text;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Documents;

/// <summary>Whether a document is still in force on the day asked (Vietnam's today): no end date, or not yet past it.</summary>
public enum DocumentValidity
{
    InForce,
    Expired,
}

/// <summary>The register's orders: newest issued first (the default), oldest first, or by number.</summary>
public enum RegisterSort
{
    Newest,
    Oldest,
    Number,
}

/// <summary>What a reader asks of the register. <see cref="UnitId"/> null is the whole site.</summary>
public sealed record RegisterQuery(
    int? UnitId = null, int? Year = null, DocumentType? Type = null, string? Issuer = null, DocumentValidity? Validity = null,
    RegisterSort Sort = RegisterSort.Newest)
{
    public PageRequest Page { get; init; } = new(1, DocumentRegister.PageSize);
}

/// <summary>One file of a document, with what a reader on a phone needs before downloading it.</summary>
public sealed record RegisterFile(string Title, string Url, string FileName, string ContentType, long Length);

/// <summary>One line of the register (sổ văn bản): số ký hiệu, ngày ban hành, loại, trích yếu, cơ quan ban hành, tệp.</summary>
public sealed record RegisterEntry(
    int Id, string Url, string Title, string? Number, DocumentType Type, DateOnly? IssuedOn, string? Abstract, string? Issuer,
    DateOnly? ExpiresOn, bool InForce, UnitRef Unit, IReadOnlyList<RegisterFile> Files);

/// <summary>The values the filters offer: only those some visible document of the scope has.</summary>
public sealed record RegisterChoices(IReadOnlyList<int> Years, IReadOnlyList<DocumentType> Types, IReadOnlyList<string> Issuers);

public sealed record RegisterResult(PagedResult<RegisterEntry> Entries, RegisterChoices Choices);

/// <summary>
/// The document register: the published directive documents of a unit (or the whole site) as a filterable,
/// sortable, paged table, for the site's <c>/van-ban</c>, a unit's "Văn bản" tab and the API alike. Visibility is
/// <see cref="PostVisibility"/>'s, as everywhere else.
/// </summary>
public sealed class DocumentRegister(CchcDbContext db, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<RegisterResult> FindAsync(RegisterQuery query, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var scope = db.Posts.AsNoTracking().VisibleAt(clock.GetUtcNow().UtcDateTime)
            .Where(p => p.Kind == PostKind.Document && p.Document != null);
        if (query.UnitId is { } unitId)
            scope = scope.Where(p => p.UnitId == unitId);

        var facts = await scope.Select(p => new { p.Document!.IssuedOn, p.Document.Type, p.Document.Issuer }).ToListAsync(ct);
        var choices = new RegisterChoices(
            facts.Where(f => f.IssuedOn != null).Select(f => f.IssuedOn!.Value.Year).Distinct().OrderDescending().ToList(),
            facts.Select(f => f.Type).Distinct().Order().ToList(),
            facts.Where(f => f.Issuer != null).Select(f => f.Issuer!).Distinct().Order(StringComparer.Create(VietnameseCulture, false)).ToList());

        var rows = scope;
        if (query.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var next = first.AddYears(1);
            rows = rows.Where(p => p.Document!.IssuedOn >= first && p.Document.IssuedOn < next);
        }
        if (query.Type is { } type)
            rows = rows.Where(p => p.Document!.Type == type);
        if (query.Issuer is { } issuer)
            rows = rows.Where(p => p.Document!.Issuer == issuer);
        rows = query.Validity switch
        {
            DocumentValidity.InForce => rows.Where(p => p.Document!.ExpiresOn == null || p.Document.ExpiresOn >= today),
            DocumentValidity.Expired => rows.Where(p => p.Document!.ExpiresOn != null && p.Document.ExpiresOn < today),
            _ => rows,
        };
        // Undated documents go last when the newest come first, and first when the oldest do; ties by publication.
        rows = query.Sort switch
        {
            RegisterSort.Oldest => rows.OrderBy(p => p.Document!.IssuedOn).ThenBy(p => p.PublishAt).ThenBy(p => p.Id),
            RegisterSort.Number => rows.OrderBy(p => p.Document!.Number == null).ThenBy(p => p.Document!.Number)
                .ThenByDescending(p => p.Document!.IssuedOn).ThenBy(p => p.Id),
            _ => rows.OrderByDescending(p => p.Document!.IssuedOn).ThenByDescending(p => p.PublishAt).ThenByDescending(p => p.Id),
        };

        var page = await rows.Select(p => new
        {
            p.Id, UnitSlug = p.Unit.Slug, p.Slug, p.Title, p.Document!.Number, p.Document.Type, p.Document.IssuedOn,
            p.Document.Abstract, p.Document.Issuer, p.Document.ExpiresOn,
            Unit = new UnitRef(p.Unit.Id, p.Unit.Slug, p.Unit.Name, p.Unit.ShortName, p.Unit.Kind),
        }).ToPageAsync(query.Page, ct);

        var ids = page.Items.Select(i => i.Id).ToList();
        var files = (await db.Set<Attachment>().AsNoTracking().Where(a => ids.Contains(a.PostId))
                .Select(a => new { a.PostId, a.SortOrder, a.Title, a.MediaAssetId, a.MediaAsset.FileName, a.MediaAsset.ContentType, a.MediaAsset.Length })
                .ToListAsync(ct))
            .GroupBy(a => a.PostId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RegisterFile>)g.OrderBy(a => a.SortOrder)
                .Select(a => new RegisterFile(a.Title, MediaUrls.For(a.MediaAssetId, a.FileName), a.FileName, a.ContentType, a.Length))
                .ToList());

        var entries = page.Items.Select(i => new RegisterEntry(
            i.Id, PostKindSegments.PostUrl(i.UnitSlug, PostKind.Document, i.Slug), i.Title, i.Number, i.Type, i.IssuedOn, Site.DocumentDisplay.Abstract(i.Abstract),
            i.Issuer, i.ExpiresOn, i.ExpiresOn is null || i.ExpiresOn >= today, i.Unit, files.GetValueOrDefault(i.Id, []))).ToList();
        return new RegisterResult(new PagedResult<RegisterEntry>(entries, page.Page, page.PageSize, page.TotalCount), choices);
    }

    private static readonly System.Globalization.CultureInfo VietnameseCulture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
}

public static class DocumentRegisterServices
{
    public static IServiceCollection AddDocumentRegister(this IServiceCollection services) => services.AddScoped<DocumentRegister>();
}
