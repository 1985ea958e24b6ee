using CchcSite.Content.Outcomes;
using CchcSite.Content.Audit;
using CchcSite.Content.Posts;

namespace CchcSite.Content.Tests.Plans;

public class PlanLinkTests
{
    private static readonly Actor Writer = new("writer", "bientap@cchc.test", null);

    private static PostDraft Draft(int planItemId) =>
        new("Tin về cải cách hành chính", null, null, "Nội dung.", null, Audience.All, [], null, null, null, null, null, PlanItemId: planItemId);

    [Fact]
    public async Task A_post_links_to_its_units_rows_and_to_rows_its_unit_coordinates_but_not_to_another_units()
    {
        await using var database = await TestDatabase.CreateAsync();
        var owner = await database.AddUnitAsync("so-a");
        var coordinator = await database.AddUnitAsync("so-b");
        var stranger = await database.AddUnitAsync("so-c");
        var plan = await database.AddPlanAsync(owner, 2022, ("Tháng 3", "Đăng tin"));
        int itemId;
        await using (var db = database.NewContext())
        {
            var item = db.PlanItems.Single(i => i.PlanId == plan.Id);
            item.Coordinators.Add(new CchcSite.Content.Plans.PlanItemCoordinator { Name = "Sở B", UnitId = coordinator.Id });
            await db.SaveChangesAsync();
            itemId = item.Id;
        }

        foreach (var (unit, allowed) in new[] { (owner, true), (coordinator, true), (stranger, false) })
        {
            await using var db = database.NewContext();
            var outcome = await database.NewPostEditing(db).CreateAsync(unit.Id, PostKind.Article, Draft(itemId), Writer, CancellationToken.None);
            if (allowed)
                Assert.Equal(itemId, Assert.IsType<Outcome<Post>.Ok>(outcome).Value.PlanItemId);
            else
                Assert.Contains(nameof(PostDraft.PlanItemId), Assert.IsType<Outcome<Post>.Invalid>(outcome).Errors.Keys);
        }
    }

    [Fact]
    public async Task The_plan_row_is_kept_in_each_revision_so_that_a_change_of_row_shows_in_the_comparison()
    {
        await using var database = await TestDatabase.CreateAsync();
        var unit = await database.AddUnitAsync("so-a");
        var plan = await database.AddPlanAsync(unit, 2022, ("Tháng 3", "Đăng tin"), ("Tháng 4", "Đăng video"));
        var (first, second) = (plan.Items[0].Id, plan.Items[1].Id);
        await using var db = database.NewContext();
        var editing = database.NewPostEditing(db);
        var post = Assert.IsType<Outcome<Post>.Ok>(await editing.CreateAsync(unit.Id, PostKind.Article, Draft(first), Writer, CancellationToken.None)).Value;
        var grants = new Content.Accounts.UserGrants(Writer.UserId, true, false, [(unit.Id, Content.Accounts.UnitRole.Editor)]);
        await editing.UpdateAsync(post, post.Version, Draft(second), grants, Writer, CancellationToken.None);

        var revisions = await editing.RevisionsAsync(post.Id, CancellationToken.None);
        Assert.Equal(first, RevisionComparison.ToDraft(revisions[1]).PlanItemId);
        var fields = Assert.Single(RevisionComparison.Compare(revisions[1], revisions[0]));
        Assert.Contains(fields.Lines, line => line.Change == LineChange.Added && line.Text.Contains($"\"PlanItemId\": {second}"));
    }
}
