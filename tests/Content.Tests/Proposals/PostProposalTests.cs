using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Proposals;

/// <summary>
/// Posts proposed upward. Town T has two offices, O (with school S below it) and its sibling W. T does not take its
/// sub-units' posts automatically; its section lists its own posts and those its board accepted.
/// </summary>
public class PostProposalTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Unit _town = null!;
    private Unit _office = null!;
    private Unit _school = null!;
    private Unit _sibling = null!;
    private Post _post = null!;
    private static readonly Actor Actor = new("nguoi-dung", "lanh-dao@t.test", null);
    private static readonly DateTime Earlier = new(2022, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _town = await _database.AddUnitAsync("thi-xa-t");
        _office = await _database.AddUnitAsync("phong-o", _town);
        _school = await _database.AddUnitAsync("truong-s", _office);
        _sibling = await _database.AddUnitAsync("phuong-w", _town);
        await using var db = _database.NewContext();
        await db.Units.Where(u => u.Id == _town.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AcceptsSubUnitPostsAutomatically, false));
        _post = await _database.AddPostAsync(_school, "tin-cua-truong", PostStatus.Published, Earlier);
        await _database.AddPostAsync(_town, "tin-cua-thi-xa", PostStatus.Published, Earlier);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static UserGrants Approver(Unit unit) => new("a", true, false, [(unit.Id, UnitRole.Approver)]);

    private async Task<Outcome<IReadOnlyList<PostProposal>>> ProposeAsync(UserGrants user, params Unit[] targets)
    {
        await using var db = _database.NewContext();
        return await _database.Get<PostProposals>(db).ProposeAsync(_post.Id, targets.Select(t => t.Id).ToList(), user, Actor, CancellationToken.None);
    }

    private async Task<Outcome<PostProposal>> DecideAsync(int id, UserGrants user, ProposalDecision decision)
    {
        await using var db = _database.NewContext();
        return await _database.Get<PostProposals>(db).DecideAsync(id, decision, user, Actor, CancellationToken.None);
    }

    private async Task<List<PostCard>> SectionAsync(Unit unit)
    {
        await using var db = _database.NewContext();
        return (await _database.NewPublishedPosts(db).ListAsync(new PostFilter(unit.Id), CancellationToken.None)).Items.ToList();
    }

    private async Task<int> ProposalCountAsync()
    {
        await using var db = _database.NewContext();
        return await db.PostProposals.CountAsync();
    }

    [Fact]
    public async Task A_post_goes_to_any_of_its_units_ancestors_once_and_nowhere_else()
    {
        var sent = await ProposeAsync(Approver(_school), _office, _town);
        Assert.Equal(2, Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Ok>(sent).Value.Count);

        var again = Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Invalid>(await ProposeAsync(Approver(_school), _town));
        Assert.Contains("đã được đề xuất", again.Errors["targets"][0]);
        Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Invalid>(await ProposeAsync(Approver(_school), _sibling));
        Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Invalid>(await ProposeAsync(Approver(_school)));
        Assert.Equal(2, await ProposalCountAsync());
    }

    [Fact]
    public async Task Only_the_units_approver_proposes_and_only_a_published_post()
    {
        Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Refused>(await ProposeAsync(Approver(_office), _town));
        Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Refused>(await ProposeAsync(new("e", true, false, [(_school.Id, UnitRole.Editor)]), _town));
        Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Refused>(await ProposeAsync(new("o", true, false, [(_school.Id, UnitRole.Overseer)]), _town));
        await using (var db = _database.NewContext())
            await db.Posts.Where(p => p.Id == _post.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, PostStatus.Unpublished));
        Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Refused>(await ProposeAsync(Approver(_school), _town));
        Assert.Equal(0, await ProposalCountAsync());
    }

    [Fact]
    public async Task The_towns_section_lists_the_post_once_its_board_accepts_it_under_the_boards_title()
    {
        var proposal = Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Ok>(await ProposeAsync(Approver(_school), _town)).Value[0];
        Assert.DoesNotContain(await SectionAsync(_town), c => c.Id == _post.Id);

        // The sibling's approver and the office's approver are not the town's board.
        Assert.IsType<Outcome<PostProposal>.Refused>(await DecideAsync(proposal.Id, Approver(_sibling), new(true, null, null, null)));
        Assert.IsType<Outcome<PostProposal>.Refused>(await DecideAsync(proposal.Id, Approver(_office), new(true, null, null, null)));
        Assert.IsType<Outcome<PostProposal>.Ok>(await DecideAsync(proposal.Id, Approver(_town), new(true, " Tiêu đề của thị xã ", "", null)));

        var card = Assert.Single(await SectionAsync(_town), c => c.Id == _post.Id);
        Assert.Equal(("Tiêu đề của thị xã", "Bài tin-cua-truong", true), (card.Title, (await SectionAsync(_school)).Single().Title, card.FromSubUnit));
        Assert.Null(card.Summary);
        Assert.False((await SectionAsync(_school)).Single().FromSubUnit);
        // The office takes its sub-units' posts automatically, as every unit did before proposals: untouched by the town's choice.
        Assert.Contains(await SectionAsync(_office), c => c.Id == _post.Id);

        Assert.IsType<Outcome<PostProposal>.Conflict>(await DecideAsync(proposal.Id, Approver(_town), new(false, null, null, "Đổi ý.")));
    }

    [Fact]
    public async Task A_decline_needs_a_reason_and_keeps_the_post_off_the_towns_section()
    {
        var proposal = Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Ok>(await ProposeAsync(Approver(_school), _town)).Value[0];
        var invalid = Assert.IsType<Outcome<PostProposal>.Invalid>(await DecideAsync(proposal.Id, Approver(_town), new(false, null, null, " ")));
        Assert.Equal("Vui lòng ghi lý do từ chối.", invalid.Errors["reason"][0]);

        var declined = Assert.IsType<Outcome<PostProposal>.Ok>(await DecideAsync(proposal.Id, Approver(_town), new(false, null, null, "Trùng nội dung đã đăng.")));
        Assert.Equal((ProposalState.Declined, "Trùng nội dung đã đăng."), (declined.Value.State, declined.Value.DeclineReason));
        Assert.DoesNotContain(await SectionAsync(_town), c => c.Id == _post.Id);
        await using var db = _database.NewContext();
        var seen = Assert.Single(await _database.Get<PostProposals>(db).OfPostAsync(_post.Id, CancellationToken.None));
        Assert.Equal(ProposalState.Declined, seen.State);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.PostProposed || e.Action == AuditActions.ProposalDecided));
    }

    [Fact]
    public async Task Only_the_towns_own_approver_changes_its_intake_and_each_change_is_audited()
    {
        async Task<(bool Automatic, int Audit)> StateAsync()
        {
            await using var db = _database.NewContext();
            return (await db.Units.Where(u => u.Id == _town.Id).Select(u => u.AcceptsSubUnitPostsAutomatically).SingleAsync(),
                await db.AuditEntries.CountAsync(e => e.Action == AuditActions.UnitChanged));
        }
        async Task<Outcome<Unit>> SetAsync(UserGrants user, bool automatic)
        {
            await using var db = _database.NewContext();
            return await _database.Get<PostProposals>(db).SetAutomaticAsync(_town.Id, automatic, user, Actor, CancellationToken.None);
        }

        // A sub-unit's approver, a sibling's, the town's editor and an overseer of the town are not its board.
        foreach (var refused in new[] { Approver(_office), Approver(_sibling), new UserGrants("e", true, false, [(_town.Id, UnitRole.Editor)]),
                     new UserGrants("o", true, false, [(_town.Id, UnitRole.Overseer)]) })
            Assert.IsType<Outcome<Unit>.Refused>(await SetAsync(refused, true));
        Assert.Equal((false, 0), await StateAsync());

        Assert.IsType<Outcome<Unit>.Ok>(await SetAsync(Approver(_town), true));
        Assert.Equal((true, 1), await StateAsync());
        Assert.Contains(await SectionAsync(_town), c => c.Id == _post.Id);
        // The same choice again writes nothing.
        Assert.IsType<Outcome<Unit>.Ok>(await SetAsync(Approver(_town), true));
        Assert.Equal((true, 1), await StateAsync());
        Assert.IsType<Outcome<Unit>.Ok>(await SetAsync(Approver(_town), false));
        Assert.Equal((false, 2), await StateAsync());
        Assert.DoesNotContain(await SectionAsync(_town), c => c.Id == _post.Id);
        await using var check = _database.NewContext();
        Assert.Equal("Sửa đơn vị Đơn vị thi-xa-t: chỉ nhận bài đơn vị trực thuộc do Tổ Biên tập chọn",
            await check.AuditEntries.Where(e => e.Action == AuditActions.UnitChanged).OrderByDescending(e => e.Id).Select(e => e.Summary).FirstAsync());
    }
}
