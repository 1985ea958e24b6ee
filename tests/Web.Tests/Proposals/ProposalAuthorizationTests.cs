using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Content.Units;
using CchcSite.Web.Editor;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Proposals;

/// <summary>
/// Who proposes a post upward and who decides: the unit's approvers propose its published posts to the units above it;
/// the approvers of the unit a post is proposed to (here the unit under test, with a school below it) accept or decline.
/// Those who read either unit's posts open a proposal; the overseer reads and never writes; another unit's approver
/// gets nothing. The unit's approvers also choose whether its section takes its sub-units' posts automatically (SetIntake).
/// Every refused cell changes nothing: not the proposals, not the unit's choice, not the audit log.
/// </summary>
public sealed class ProposalAuthorizationTests(EditorSite site) : IClassFixture<EditorSite>
{
    public enum Endpoint { Queue, Show, Accept, Decline, ProposeForm, Propose, SetIntake }

    public static TheoryData<Endpoint, Who> Cases() => AuthorizationMatrix.Cases<Endpoint>();

    private const string School = "truong-thcs-thu-nghiem-nga-nam";

    private static readonly Dictionary<Endpoint, Who[]> AllowedFor = new()
    {
        // The queue is a page for everyone signed in; it lists only proposals to units whose posts the person reads.
        [Endpoint.Queue] = [Who.Administrator, Who.Editor, Who.Approver, Who.HotlineOfficer, Who.OtherEditor, Who.OtherApprover, Who.Overseer],
        [Endpoint.Show] = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer],
        [Endpoint.Accept] = [Who.Administrator, Who.Approver],
        [Endpoint.Decline] = [Who.Administrator, Who.Approver],
        [Endpoint.ProposeForm] = [Who.Administrator, Who.Editor, Who.Approver, Who.Overseer],
        [Endpoint.Propose] = [Who.Administrator, Who.Approver],
        [Endpoint.SetIntake] = [Who.Administrator, Who.Approver],
    };

    private sealed record Case(int ProposalId, int UnitPostId, int TownId, int UnitId);

    private sealed record State(ProposalState Proposed, int UnitPostProposals, bool Automatic, int Audit);

    /// <summary>
    /// A school below the unit under test with a published post pending before the unit's board, and a published post of
    /// the unit itself that nobody has proposed yet.
    /// </summary>
    private Task<Case> ArrangeAsync() => site.WithDbAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Slug == AuthorizationMatrix.Unit);
        var school = await db.Units.SingleOrDefaultAsync(u => u.Slug == School);
        if (school is null)
        {
            school = new Unit { Slug = School, Name = "Trường THCS Thử nghiệm thị xã Ngã Năm", ShortName = "THCS Thử nghiệm", Kind = UnitKind.School, ParentId = unit.Id };
            db.Units.Add(school);
            await db.SaveChangesAsync();
        }
        var schoolPost = ProposalFlowTests.Published(school.Id, "Trường tuyên truyền cải cách hành chính đến phụ huynh");
        var unitPost = ProposalFlowTests.Published(unit.Id, "Phòng tập huấn cộng tác viên tin bài");
        db.Posts.AddRange(schoolPost, unitPost);
        await db.SaveChangesAsync();
        var proposal = new PostProposal
        {
            PostId = schoolPost.Id, TargetUnitId = unit.Id, State = ProposalState.Pending, ProposedAt = DateTime.UtcNow,
            ProposedById = "x", ProposedByName = "Hiệu trưởng",
        };
        db.PostProposals.Add(proposal);
        await db.SaveChangesAsync();
        return new Case(proposal.Id, unitPost.Id, unit.ParentId!.Value, unit.Id);
    });

    private Task<State> StateAsync(Case arranged) => site.WithDbAsync(async db => new State(
        await db.PostProposals.Where(p => p.Id == arranged.ProposalId).Select(p => p.State).SingleAsync(),
        await db.PostProposals.CountAsync(p => p.PostId == arranged.UnitPostId),
        await db.Units.Where(u => u.Id == arranged.UnitId).Select(u => u.AcceptsSubUnitPostsAutomatically).SingleAsync(),
        await db.AuditEntries.CountAsync(e => e.Action == Content.Audit.AuditActions.PostProposed || e.Action == Content.Audit.AuditActions.ProposalDecided
                                              || e.Action == Content.Audit.AuditActions.UnitChanged)));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_user_gets_exactly_the_allowed_outcome_and_a_refusal_changes_nothing(Endpoint endpoint, Who who)
    {
        var arranged = await ArrangeAsync();
        var browser = await AuthorizationMatrix.BrowserForAsync(site, who, $"de-xuat-{endpoint}-{who}".ToLowerInvariant());
        var before = await StateAsync(arranged);
        var proposal = $"{ProposalsController.Base}/{arranged.ProposalId}";
        var propose = ProposalsController.ProposeUrl(arranged.UnitPostId);
        var response = endpoint switch
        {
            Endpoint.Queue => await browser.GetAsync(ProposalsController.Base),
            Endpoint.Show => await browser.GetAsync(proposal),
            Endpoint.Accept => await EditorSite.PostFormAsync(browser, $"{proposal}/nhan", new() { ["title"] = "Tiêu đề của Phòng" }),
            Endpoint.Decline => await EditorSite.PostFormAsync(browser, $"{proposal}/tu-choi", new() { ["reason"] = "Chưa phù hợp chuyên mục." }),
            Endpoint.ProposeForm => await browser.GetAsync(propose),
            // Each case asks for the opposite of the unit's current choice, so an allowed one always changes it.
            Endpoint.SetIntake => await EditorSite.PostFormAsync(browser, ProposalsController.IntakeUrl(arranged.UnitId),
                new() { ["automatic"] = before.Automatic ? "false" : "true" }),
            _ => await EditorSite.PostFormAsync(browser, propose, new() { ["targets"] = arranged.TownId.ToString() }),
        };
        var successPrefix = endpoint switch { Endpoint.Propose => propose, Endpoint.SetIntake => ProposalsController.Base, _ => proposal };
        var expected = who == Who.Anonymous ? Outcome.Login : AllowedFor[endpoint].Contains(who) ? Outcome.Allowed : Outcome.Forbidden;
        Assert.Equal(expected, AuthorizationMatrix.Classify(response, successPrefix));

        var after = await StateAsync(arranged);
        var changed = expected != Outcome.Allowed ? before : endpoint switch
        {
            Endpoint.Accept => before with { Proposed = ProposalState.Accepted },
            Endpoint.Decline => before with { Proposed = ProposalState.Declined },
            Endpoint.Propose => before with { UnitPostProposals = 1 },
            Endpoint.SetIntake => before with { Automatic = !before.Automatic },
            _ => before,
        };
        // Other cases run in the same site and write to the audit log meanwhile: compare this case's own audit entries only when it wrote one.
        Assert.Equal(changed with { Audit = 0 }, after with { Audit = 0 });
        if (changed != before)
            Assert.True(after.Audit > before.Audit);
    }
}
