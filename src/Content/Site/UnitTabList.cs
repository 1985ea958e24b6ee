using CchcSite.Content.Bulletins;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Site;

/// <summary>
/// The tabs of a unit's section, in the order the strip shows them. The one place a new tab is added: one line
/// below (its segment, its name and its address); every page of the section draws its strip from this list.
/// </summary>
public static class UnitTabList
{
    /// <summary>One tab. <see cref="Segment"/> is what a page passes as its current tab; null is the overview.</summary>
    public sealed record Tab(string? Segment, string Name, string Url);

    public static IReadOnlyList<Tab> For(string unitSlug) =>
    [
        new(null, "Tổng quan", $"/{unitSlug}"),
        .. PostKindSegments.All.Select(kind => new Tab(kind.Segment, kind.TabName, $"/{unitSlug}/{kind.Segment}")),
        new("hoi-dap", "Hỏi – đáp", $"/{unitSlug}/hoi-dap"),
        new(PublicPlans.Segment, "Kế hoạch", PublicPlans.UnitPlansUrl(unitSlug)),
        new("chi-so", "Chỉ số", $"/{unitSlug}/chi-so"),
        new("thu-tuc-hanh-chinh", "Thủ tục hành chính", $"/{unitSlug}/thu-tuc-hanh-chinh"),
        new(PublicBulletins.Segment, "Bản tin", PublicBulletins.UnitArchiveUrl(unitSlug)),
        new(UnitAboutPage.Segment, "Giới thiệu", $"/{unitSlug}/{UnitAboutPage.Segment}"),
    ];
}
