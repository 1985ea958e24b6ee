using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>A site whose deployment names its owner, as Decree 42/2022 asks (section Portal).</summary>
public sealed class OwnedPortalSite : SiteFactory
{
    public static readonly Dictionary<string, string> Owner = new()
    {
        ["Agency"] = "Ủy ban nhân dân tỉnh Sóc Trăng",
        ["Responsible"] = "Ông Nguyễn Văn A – Giám đốc Sở Nội vụ",
        ["Address"] = "Số 2 Trần Hưng Đạo, Phường 3, thành phố Sóc Trăng",
        ["Phone"] = "0299 3822 468",
        ["Email"] = "snv@soctrang.gov.vn",
        ["Licence"] = "Giấy phép số 12/GP-TTĐT ngày 01/02/2024 của Sở Thông tin và Truyền thông",
    };

    protected override IDictionary<string, string?> Settings =>
        Owner.ToDictionary(pair => $"Portal:{pair.Key}", pair => (string?)pair.Value);
}

/// <summary>The footer of every page names the portal's owner, the person responsible, address, phone, e-mail and licence.</summary>
public sealed class PortalOwnerTests(OwnedPortalSite site) : IClassFixture<OwnedPortalSite>
{
    [Fact]
    public async Task The_footer_of_the_home_page_every_unit_page_and_the_register_names_the_owner()
    {
        var client = site.CreateClient();
        var units = await site.WithDbAsync(db => db.Units.Select(u => u.Slug).ToListAsync());
        foreach (var path in new[] { "/", "/van-ban", "/tim-kiem?q=ke+hoach" }.Concat(units.Select(u => "/" + u)))
        {
            var html = await client.GetStringAsync(path);
            var footer = html[html.IndexOf("<footer class=\"site-footer\">", StringComparison.Ordinal)..];
            foreach (var value in OwnedPortalSite.Owner.Values)
                Assert.Contains(value, footer);
            Assert.Contains("href=\"tel:02993822468\"", footer);
            Assert.Contains("href=\"mailto:snv@soctrang.gov.vn\"", footer);
            Assert.Contains("Cơ quan chủ quản:", footer);
            Assert.Contains("Chịu trách nhiệm nội dung:", footer);
        }
    }

    [Fact]
    public async Task A_posts_print_view_ends_with_its_absolute_address_and_the_owning_agencys_address_line()
    {
        var post = await site.WithDbAsync(db => db.Posts
            .Where(p => p.Kind == CchcSite.Content.Posts.PostKind.Document && p.Status == CchcSite.Content.Posts.PostStatus.Published && p.PublishAt < DateTime.UtcNow)
            .Select(p => new { Unit = p.Unit.Slug, p.Slug }).FirstAsync());
        var url = CchcSite.Content.Posts.PostKindSegments.PostUrl(post.Unit, CchcSite.Content.Posts.PostKind.Document, post.Slug);

        var html = await site.CreateClient().GetStringAsync(url + "/in");

        var footer = html[html.IndexOf("<footer class=\"print-source\">", StringComparison.Ordinal)..];
        Assert.Contains($"Địa chỉ bài viết: http://localhost{url}</p>", footer);
        Assert.Contains($"Cơ quan chủ quản: {OwnedPortalSite.Owner["Agency"]}, {OwnedPortalSite.Owner["Address"]}</p>", footer);
    }
}
