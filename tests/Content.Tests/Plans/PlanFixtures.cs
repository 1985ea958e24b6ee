using CchcSite.Content.Data;
using CchcSite.Content.Plans;
using CchcSite.Content.Posts;
using CchcSite.Content.Reports;
using CchcSite.Content.Units;

namespace CchcSite.Content.Tests.Plans;

/// <summary>The plan services over a test database, from the site's registrations.</summary>
internal static class PlanFixtures
{
    public static PlanCompliance Compliance(this TestDatabase database, CchcDbContext db) => database.Get<PlanCompliance>(db);

    public static PlanEditing PlanEditing(this TestDatabase database, CchcDbContext db) => database.Get<PlanEditing>(db);

    public static PeriodicReports Reports(this TestDatabase database, CchcDbContext db) => database.Get<PeriodicReports>(db);

    public static async Task<Plan> AddPlanAsync(this TestDatabase database, Unit unit, int year, params (string Timing, string Content)[] rows)
    {
        await using var db = database.NewContext();
        var names = await UnitNames.LoadAsync(db, CancellationToken.None);
        var plan = new Plan { UnitId = unit.Id, Year = year, Title = $"Kế hoạch tuyên truyền CCHC năm {year}" };
        var order = 1;
        foreach (var (timing, content) in rows)
        {
            var item = new PlanItem { Content = "", LeadName = "", TimingText = "" };
            names.Apply(new PlanItemInput(order, null, content, null, "Văn phòng", null, timing, null), item, order);
            plan.Items.Add(item);
            order++;
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    }

    /// <summary>A post published at a Vietnamese local time, optionally in a category and linked to a plan row.</summary>
    public static async Task<Post> PublishAsync(this TestDatabase database, Unit unit, string slug, PostKind kind, DateTime vietnamTime,
        PostStatus status = PostStatus.Published, int? categoryId = null, int? planItemId = null)
    {
        var post = await database.AddPostAsync(unit, slug, status, DateTime.SpecifyKind(vietnamTime - Text.VietnamTime.Offset, DateTimeKind.Utc), kind: kind);
        await using var db = database.NewContext();
        db.Attach(post);
        post.CategoryId = categoryId;
        post.PlanItemId = planItemId;
        await db.SaveChangesAsync();
        return post;
    }
}
