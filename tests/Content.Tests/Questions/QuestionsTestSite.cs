using CchcSite.Content.Outcomes;
using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Categories;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Questions;
using CchcSite.Content.Units;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Tests.Questions;

/// <summary>An in-memory site with two units and one field, and the question services over it, on the test clock.</summary>
public sealed class QuestionsTestSite : IAsyncDisposable
{
    public const string Field = "cai-cach-thu-tuc-hanh-chinh";

    private QuestionsTestSite(TestDatabase database, Unit unitA, Unit unitB)
    {
        Database = database;
        UnitA = unitA;
        UnitB = unitB;
    }

    public TestDatabase Database { get; }
    public Unit UnitA { get; }
    public Unit UnitB { get; }
    /// <summary>The site's settings for questions; a test may change them before it acts.</summary>
    public SubmissionOptions Options => Database.Services.GetRequiredService<IOptions<SubmissionOptions>>().Value;
    public MediaStore Media => Database.Media;

    public static async Task<QuestionsTestSite> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var a = await database.AddUnitAsync("so-a");
        var b = await database.AddUnitAsync("so-b");
        await using (var db = database.NewContext())
        {
            db.Categories.Add(new Category { Slug = Field, Name = "Cải cách thủ tục hành chính" });
            await db.SaveChangesAsync();
        }
        return new QuestionsTestSite(database, a, b);
    }

    public CitizenSubmissions Intake(CchcDbContext db) => Database.Get<CitizenSubmissions>(db);

    public SubmissionInbox Inbox(CchcDbContext db) => Database.Get<SubmissionInbox>(db);

    public static SubmissionInput Valid(string unitSlug = "so-a", string title = "Hỏi về thủ tục cấp bản sao văn bằng") => new()
    {
        Unit = unitSlug, Name = "Nguyễn Văn An", Email = "an@example.vn", Category = Field, Title = title,
        Text = "Xin hỏi hồ sơ gồm những gì?", PublishConsent = true,
    };

    /// <summary>Stores a question from a citizen and returns it, tracked by nothing.</summary>
    public async Task<Submission> SubmitAsync(SubmissionInput? input = null)
    {
        await using var db = Database.NewContext();
        var result = await Intake(db).SubmitAsync(SubmissionKind.Question, input ?? Valid(), null, CancellationToken.None);
        var receipt = result is Outcome<Submitted>.Ok ok ? ok.Value : throw new Xunit.Sdk.XunitException(result.Problem);
        return db.Submissions.Single(s => s.TrackingCode == receipt.TrackingCode);
    }

    public static Actor Officer => new("officer", "can-bo@cchc.test", "127.0.0.1");

    /// <summary>An approver of both units: handles, answers and releases.</summary>
    public UserGrants OfficerGrants => ApproverOfBoth("officer");

    /// <summary>A second approver of both units, who releases what <see cref="OfficerGrants"/> answered (two-person rule).</summary>
    public UserGrants Reviewer => ApproverOfBoth("reviewer");

    private UserGrants ApproverOfBoth(string userId) => new(userId, true, false, [(UnitA.Id, UnitRole.Approver), (UnitB.Id, UnitRole.Approver)]);

    /// <summary>Runs one step on a fresh context, as a request would, by the officer unless someone else is named.</summary>
    public async Task<Outcome<Submission>> StepAsync(int id, SubmissionCommand command, UserGrants? by = null)
    {
        var user = by ?? OfficerGrants;
        await using var db = Database.NewContext();
        var inbox = Inbox(db);
        var item = (await inbox.FindAsync(id, CancellationToken.None))!;
        return await inbox.StepAsync(item, item.Version, command, user, new Actor(user.UserId, $"{user.UserId}@cchc.test", "127.0.0.1"),
            CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
