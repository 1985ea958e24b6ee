using CchcSite.Content.Audit;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Tests.Plans;
using CchcSite.Content.Search;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests;

public class UnitAdministrationTests
{
    private static readonly Actor Admin = new("admin", "admin@example.vn", "127.0.0.1");

    private static UnitDraft Draft(string name, int? parentId = null, string? slug = null) =>
        new(name, name, UnitKind.Ward, parentId, null, new UnitContact(), 0, false, slug);

    private static async Task<Outcome<T>> WithAdministrationAsync<T>(TestDatabase database, Func<UnitAdministration, Task<Outcome<T>>> act)
    {
        await using var db = database.NewContext();
        return await act(database.Get<UnitAdministration>(db));
    }

    [Fact]
    public async Task A_new_unit_takes_its_address_from_its_short_name_and_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var parent = await database.AddUnitAsync("ubnd-tinh");

        var change = await WithAdministrationAsync(database, a => a.CreateAsync(Draft("Phường Thác Mơ", parent.Id), Admin, default));

        var unitId = Assert.IsType<Outcome<int>.Ok>(change).Value;
        await using var db = database.NewContext();
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        Assert.Equal(("phuong-thac-mo", parent.Id), (unit.Slug, unit.ParentId));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.UnitChanged && e.UnitId == unit.Id));
    }

    [Theory]
    [InlineData("tim-kiem", "trùng với một trang của hệ thống")]
    [InlineData("ubnd-tinh", "đã có đơn vị dùng")]
    [InlineData("!!!", "ít nhất một chữ cái")]
    public async Task An_address_that_is_reserved_taken_or_empty_is_refused(string slug, string message)
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.AddUnitAsync("ubnd-tinh");

        var change = await WithAdministrationAsync(database, a => a.CreateAsync(Draft("Đơn vị mới", slug: slug), Admin, default));

        Assert.Contains(message, Assert.Single(Assert.IsType<Outcome<int>.Invalid>(change).Errors[nameof(UnitDraft.Slug)]));
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Units.CountAsync());
    }

    [Fact]
    public async Task A_unit_cannot_move_under_itself_or_its_descendant()
    {
        await using var database = await TestDatabase.CreateAsync();
        var province = await database.AddUnitAsync("tinh");
        var town = await database.AddUnitAsync("thi-xa", province);
        var ward = await database.AddUnitAsync("phuong", town);

        var underChild = await WithAdministrationAsync(database, a => a.UpdateAsync(province.Id, Draft("Tỉnh", ward.Id), Admin, default));
        var underSelf = await WithAdministrationAsync(database, a => a.UpdateAsync(town.Id, Draft("Thị xã", town.Id), Admin, default));
        var moved = await WithAdministrationAsync(database, a => a.UpdateAsync(ward.Id, Draft("Phường mới", province.Id), Admin, default));

        Assert.Contains("dưới chính nó", Assert.Single(Assert.IsType<Outcome<int>.Invalid>(underChild).Errors[nameof(UnitDraft.ParentId)]));
        Assert.Contains("dưới chính nó", Assert.Single(Assert.IsType<Outcome<int>.Invalid>(underSelf).Errors[nameof(UnitDraft.ParentId)]));
        Assert.Equal(ward.Id, Assert.IsType<Outcome<int>.Ok>(moved).Value);
        await using var db = database.NewContext();
        var units = await db.Units.ToDictionaryAsync(u => u.Id);
        Assert.Equal((province.Id, "Phường mới"), (units[ward.Id].ParentId, units[ward.Id].Name));
        Assert.Null(units[province.Id].ParentId);
    }

    [Fact]
    public async Task A_unit_with_active_sub_units_cannot_be_deactivated_and_a_deactivated_unit_leaves_the_directory()
    {
        await using var database = await TestDatabase.CreateAsync();
        var town = await database.AddUnitAsync("thi-xa");
        var ward = await database.AddUnitAsync("phuong", town);

        var refused = await WithAdministrationAsync(database, a => a.SetActiveAsync(town.Id, false, Admin, default));
        var wardOff = await WithAdministrationAsync(database, a => a.SetActiveAsync(ward.Id, false, Admin, default));

        Assert.Contains("còn đơn vị trực thuộc", Assert.IsType<Outcome<int>.Refused>(refused).Reason);
        Assert.IsType<Outcome<int>.Ok>(wardOff);
        await using var db = database.NewContext();
        Assert.Null(await database.Get<UnitDirectory>(db).FindAsync("phuong", default));
        Assert.NotNull(await database.Get<UnitDirectory>(db).FindAsync("thi-xa", default));
    }

    [Fact]
    public async Task Merging_moves_posts_media_and_sub_units_keeps_the_issuer_name_and_renames_clashing_slugs()
    {
        await using var database = await TestDatabase.CreateAsync();
        var province = await database.AddUnitAsync("tinh");
        var town = await database.AddUnitAsync("thi-xa", province);
        var ward = await database.AddUnitAsync("phuong", town);
        var moved = await database.AddPostAsync(town, "ke-hoach-2025", PostStatus.Published, database.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var clash = await database.AddPostAsync(town, "tin-chung", PostStatus.Draft, null);
        var kept = await database.AddPostAsync(province, "tin-chung", PostStatus.Published, database.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var townPlan = await database.AddPlanAsync(town, 2025, ("Tháng 3", "Tuyên truyền sáp nhập"));
        var provincePlan = await database.AddPlanAsync(province, 2025, ("Thường xuyên", "Đưa tin"));
        await using (var setup = database.NewContext())
        {
            setup.Add(new PostSlugHistory { PostId = moved.Id, UnitId = town.Id, Slug = "ke-hoach-cu" });
            var row = await setup.PlanItems.SingleAsync(i => i.PlanId == provincePlan.Id);
            row.LeadUnitId = town.Id;
            row.Coordinators.Add(new PlanItemCoordinator { Name = "Đơn vị thi-xa", UnitId = town.Id });
            await setup.SaveChangesAsync();
        }

        var change = await WithAdministrationAsync(database, a => a.MergeAsync(town.Id, province.Id, Admin, default));

        Assert.Equal(new MergeSummary(2, 1, 0, 1, 0, 1, []), Assert.IsType<Outcome<MergeSummary>.Ok>(change).Value with { AccountsLeftBehind = [] });
        await using var db = database.NewContext();
        var posts = await db.Posts.ToDictionaryAsync(p => p.Id);
        Assert.All([posts[moved.Id], posts[clash.Id]], p => Assert.Equal((province.Id, "Đơn vị thi-xa"), (p.UnitId, p.IssuingUnitName)));
        Assert.Equal("tin-chung-2", posts[clash.Id].Slug);
        Assert.Equal(("tin-chung", null), (posts[kept.Id].Slug, posts[kept.Id].IssuingUnitName));
        var history = await db.Set<PostSlugHistory>().Select(h => new { h.PostId, h.UnitId, h.Slug }).OrderBy(h => h.Slug).ToListAsync();
        Assert.Equal([new { PostId = moved.Id, UnitId = province.Id, Slug = "ke-hoach-cu" }, new { PostId = clash.Id, UnitId = province.Id, Slug = "tin-chung" }], history);
        var units = await db.Units.ToDictionaryAsync(u => u.Id);
        Assert.Equal((false, province.Id), (units[town.Id].IsActive, units[town.Id].MergedIntoId));
        Assert.Equal(province.Id, units[ward.Id].ParentId);
        Assert.Equal(province.Id, (await db.Plans.SingleAsync(p => p.Id == townPlan.Id)).UnitId);
        var provinceRow = await db.PlanItems.SingleAsync(i => i.PlanId == provincePlan.Id);
        Assert.Equal((province.Id, province.Id, "Đơn vị thi-xa"), (provinceRow.LeadUnitId, provinceRow.Coordinators.Single().UnitId, provinceRow.Coordinators.Single().Name));
        // The moved posts are re-indexed under their new unit.
        Assert.True(await db.SearchOutbox.CountAsync(e => e.PostId == moved.Id || e.PostId == clash.Id) >= 2);
        Assert.Equal("tinh", await database.Get<UnitDirectory>(db).SuccessorOfMergedAsync("thi-xa", default));
        Assert.Null(await database.Get<UnitDirectory>(db).SuccessorOfMergedAsync("tinh", default));
    }

    [Fact]
    public async Task Mergers_of_mergers_lead_to_the_last_unit_and_a_parent_cannot_merge_into_its_child()
    {
        await using var database = await TestDatabase.CreateAsync();
        var province = await database.AddUnitAsync("tinh");
        var town = await database.AddUnitAsync("thi-xa", province);
        var ward = await database.AddUnitAsync("phuong", town);

        var upsideDown = await WithAdministrationAsync(database, a => a.MergeAsync(town.Id, ward.Id, Admin, default));
        await WithAdministrationAsync(database, a => a.MergeAsync(ward.Id, town.Id, Admin, default));
        await WithAdministrationAsync(database, a => a.MergeAsync(town.Id, province.Id, Admin, default));
        var again = await WithAdministrationAsync(database, a => a.MergeAsync(ward.Id, province.Id, Admin, default));

        Assert.Contains("không sáp nhập đơn vị cấp trên vào đơn vị cấp dưới", Assert.IsType<Outcome<MergeSummary>.Refused>(upsideDown).Reason);
        Assert.Contains("đang hoạt động", Assert.IsType<Outcome<MergeSummary>.Refused>(again).Reason);
        await using var db = database.NewContext();
        Assert.Equal("tinh", await database.Get<UnitDirectory>(db).SuccessorOfMergedAsync("phuong", default));
    }
}
