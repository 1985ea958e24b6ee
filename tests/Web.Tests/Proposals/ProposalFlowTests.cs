using System.Net;
using System.Text.Json;
using CchcSite.Content.Accounts;
using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Web.Editor;
using CchcSite.Web.Tests.Editor;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Proposals;

/// <summary>
/// A Phòng GDĐT post proposed to the town's board: the Phòng's approver proposes it, a sibling unit's approver cannot
/// decide, the town's approver declines without a reason in vain and accepts it with the board's own title; the town's
/// section (which here does not take its sub-units' posts automatically) then lists it under that title with the Phòng
/// named as the source, the API list agrees, and the Phòng sees the decision.
/// </summary>
public sealed class ProposalFlowTests(EditorSite site) : IClassFixture<EditorSite>
{
    private const string Child = SeedFacts.Units.PhongGddtNgaNam;
    private const string Town = SeedFacts.Units.UbndThiXaNgaNam;
    private const string Sibling = "ubnd-phuong-1-nga-nam";

    public static Post Published(int unitId, string title)
    {
        var now = DateTime.UtcNow;
        return new Post
        {
            UnitId = unitId, Kind = PostKind.Article, Slug = $"bai-{Guid.NewGuid():N}", Title = title, Summary = "Tóm tắt của đơn vị.",
            BodyMarkdown = "Nội dung bài viết.", Status = PostStatus.Published, PublishAt = now.AddMinutes(-5),
            AuthorId = "someone", LastEditorId = "someone", CreatedAt = now, UpdatedAt = now, Version = Guid.NewGuid(),
        };
    }

    private Task<int> UnitIdAsync(string slug) => site.WithDbAsync(db => db.Units.Where(u => u.Slug == slug).Select(u => u.Id).SingleAsync());

    private async Task<HttpClient> UserAsync(string email, string unit)
    {
        if (!await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
            await site.AddUserAsync(email, (unit, UnitRole.Approver));
        return await site.SignedInAsync(email);
    }

    private async Task<List<(string Title, string Unit)>> TownApiAsync(HttpClient reader)
    {
        using var json = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/posts?unit={Town}&pageSize=50"));
        return json.RootElement.GetProperty("items").EnumerateArray()
            .Select(p => (p.GetProperty("title").GetString()!, p.GetProperty("unit").GetProperty("slug").GetString()!)).ToList();
    }

    [Fact]
    public async Task A_post_proposed_by_the_Phong_and_accepted_by_the_town_shows_on_the_towns_section_with_the_boards_title()
    {
        var title = $"Phòng GDĐT tập huấn tuyên truyền cải cách hành chính {Guid.NewGuid():N}"[..70];
        var boardTitle = $"Tổ Biên tập chọn đăng: tập huấn tuyên truyền {Guid.NewGuid():N}"[..60];
        // The town takes only what its board accepts, as the plan of Phòng GDĐT Ngã Năm describes. Saved as the editor area
        // saves it, so the change reaches the node's shared unit tree and cached pages as a real one would.
        await site.WithDbAsync(async db =>
        {
            (await db.Units.SingleAsync(u => u.Slug == Town)).AcceptsSubUnitPostsAutomatically = false;
            return await db.SaveChangesAsync();
        });
        var postId = await site.WithDbAsync(async db =>
        {
            var post = Published(await db.Units.Where(u => u.Slug == Child).Select(u => u.Id).SingleAsync(), title);
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
        var reader = site.NewBrowser();
        Assert.DoesNotContain(title, await reader.GetStringAsync($"/{Town}/tin-tuc"));

        var child = await UserAsync("lanh-dao-pgd-de-xuat@cchc.test", Child);
        await site.WithDbAsync(db => db.Users.Where(u => u.Email == "lanh-dao-pgd-de-xuat@cchc.test")
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.FullName, "Nguyễn Thị Đề Xuất")));
        var form = await child.GetStringAsync(ProposalsController.ProposeUrl(postId));
        Assert.Contains("Đề xuất đăng lên trang đơn vị cấp trên", form);
        Assert.Contains(SeedFacts.UnitNames.UbndThiXaNgaNam, form);

        var none = await EditorSite.PostFormAsync(child, ProposalsController.ProposeUrl(postId), []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("Vui lòng chọn ít nhất một đơn vị cấp trên.", await none.Content.ReadAsStringAsync());
        var sideways = await EditorSite.PostFormAsync(child, ProposalsController.ProposeUrl(postId), new() { ["targets"] = (await UnitIdAsync(Sibling)).ToString() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sideways.StatusCode);
        Assert.Contains("Chỉ đề xuất được lên đơn vị cấp trên của đơn vị mình.", await sideways.Content.ReadAsStringAsync());
        var junk = await EditorSite.PostFormAsync(child, ProposalsController.ProposeUrl(postId), new() { ["targets"] = "abc" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, junk.StatusCode);

        var sent = await EditorSite.PostFormAsync(child, ProposalsController.ProposeUrl(postId), new() { ["targets"] = (await UnitIdAsync(Town)).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var proposalId = await site.WithDbAsync(db => db.PostProposals.Where(p => p.PostId == postId).Select(p => p.Id).SingleAsync());

        // A ward's approver is the Phòng's sibling, not the town's board.
        var sibling = await UserAsync("lanh-dao-phuong-1-de-xuat@cchc.test", Sibling);
        var refused = await EditorSite.PostFormAsync(sibling, $"{ProposalsController.Base}/{proposalId}/nhan", []);
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(refused, ProposalsController.Base));
        Assert.Equal(ProposalState.Pending, await site.WithDbAsync(db => db.PostProposals.Where(p => p.Id == proposalId).Select(p => p.State).SingleAsync()));

        var board = await UserAsync("lanh-dao-thi-xa-de-xuat@cchc.test", Town);
        Assert.Contains(title, await board.GetStringAsync($"{ProposalsController.Base}?trang-thai=Pending"));
        Assert.Contains("Bài đề xuất từ đơn vị trực thuộc", await board.GetStringAsync("/quan-tri"));
        var show = await board.GetStringAsync($"{ProposalsController.Base}/{proposalId}");
        Assert.Contains("Nội dung bài viết.", show);
        // The other unit reads the proposer's name, never their e-mail address.
        Assert.Contains("(Nguyễn Thị Đề Xuất)", show);
        Assert.DoesNotContain("lanh-dao-pgd-de-xuat@", show);
        var noReason = await EditorSite.PostFormAsync(board, $"{ProposalsController.Base}/{proposalId}/tu-choi", new() { ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Vui lòng ghi lý do từ chối.", await noReason.Content.ReadAsStringAsync());
        var tooLong = await EditorSite.PostFormAsync(board, $"{ProposalsController.Base}/{proposalId}/nhan", new() { ["title"] = new string('a', 301) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);

        var accepted = await EditorSite.PostFormAsync(board, $"{ProposalsController.Base}/{proposalId}/nhan", new() { ["title"] = boardTitle, ["summary"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var again = await EditorSite.PostFormAsync(board, $"{ProposalsController.Base}/{proposalId}/tu-choi", new() { ["reason"] = "Đổi ý." });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var townPage = await reader.GetStringAsync($"/{Town}/tin-tuc");
        Assert.Contains(boardTitle, townPage);
        Assert.DoesNotContain(title, townPage);
        Assert.Contains("Nguồn: <a href=\"/phong-gddt-nga-nam\">", townPage);
        var childPage = await reader.GetStringAsync($"/{Child}/tin-tuc");
        Assert.Contains(title, childPage);
        Assert.DoesNotContain("Nguồn:", childPage);
        Assert.Contains((boardTitle, Child), await TownApiAsync(reader));

        var decision = await child.GetStringAsync(ProposalsController.ProposeUrl(postId));
        Assert.Contains("Đã nhận đăng", decision);
        Assert.Contains(boardTitle, decision);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == Content.Audit.AuditActions.ProposalDecided && e.ItemId == postId.ToString())));
    }

    [Fact]
    public async Task The_seed_has_a_pending_a_declined_and_an_accepted_proposal_to_the_towns_board()
    {
        var seeded = await site.WithDbAsync(db => db.PostProposals.Where(p => p.TargetUnit.Slug == Town && p.Post.Unit.Slug == Child)
            .Select(p => new { p.State, p.Title, p.DeclineReason }).ToListAsync());
        Assert.Equal([ProposalState.Pending, ProposalState.Accepted, ProposalState.Declined], seeded.Select(p => p.State).Distinct().Order().ToList());
        Assert.All(seeded.Where(p => p.State == ProposalState.Declined), p => Assert.False(string.IsNullOrWhiteSpace(p.DeclineReason)));
        var boardTitle = seeded.Single(p => p.State == ProposalState.Accepted).Title!;
        Assert.Contains((boardTitle, Child), await TownApiAsync(site.NewBrowser()));
    }

    [Fact]
    public async Task The_towns_board_chooses_its_intake_on_the_queue_page_and_the_section_and_unit_search_follow()
    {
        var word = $"tuyenbai{Guid.NewGuid():N}"[..16];
        var title = $"Phòng GDĐT {word} không đề xuất";
        await site.WithDbAsync(async db =>
        {
            db.Posts.Add(Published(await db.Units.Where(u => u.Slug == Child).Select(u => u.Id).SingleAsync(), title));
            return await db.SaveChangesAsync();
        });
        var townId = await UnitIdAsync(Town);
        var board = await UserAsync("lanh-dao-thi-xa-nhan-bai@cchc.test", Town);
        var queue = await board.GetStringAsync(ProposalsController.Base);
        Assert.Contains($"Cách nhận bài trên trang {SeedFacts.UnitNames.UbndThiXaNgaNam}", queue);
        Assert.Contains($"action=\"{ProposalsController.IntakeUrl(townId)}\"", queue);
        // The Phòng's approver is the board of the Phòng only (it has no sub-units in the seed): no choice for the town.
        Assert.DoesNotContain(ProposalsController.IntakeUrl(townId), await (await UserAsync("lanh-dao-pgd-nhan-bai@cchc.test", Child)).GetStringAsync(ProposalsController.Base));

        async Task<bool> AutomaticAsync() => await site.WithDbAsync(db => db.Units.Where(u => u.Id == townId).Select(u => u.AcceptsSubUnitPostsAutomatically).SingleAsync());
        var sibling = await UserAsync("lanh-dao-phuong-1-nhan-bai@cchc.test", Sibling);
        var before = await AutomaticAsync();
        var refused = await EditorSite.PostFormAsync(sibling, ProposalsController.IntakeUrl(townId), new() { ["automatic"] = before ? "false" : "true" });
        Assert.Equal(Outcome.Forbidden, AuthorizationMatrix.Classify(refused, ProposalsController.Base));
        Assert.Equal(before, await AutomaticAsync());
        var junk = await EditorSite.PostFormAsync(board, ProposalsController.IntakeUrl(townId), new() { ["automatic"] = "co" });
        Assert.Equal(HttpStatusCode.Redirect, junk.StatusCode);
        Assert.Equal(before, await AutomaticAsync());
        Assert.Contains("Vui lòng chọn một cách nhận bài của đơn vị trực thuộc.", await board.GetStringAsync(ProposalsController.Base));

        var reader = site.NewBrowser();
        async Task<bool> FoundUnderTownAsync()
        {
            using var json = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/search?q={word}&unit={Town}"));
            return json.RootElement.GetProperty("hits").GetProperty("totalCount").GetInt32() == 1;
        }
        foreach (var automatic in new[] { true, false })
        {
            var saved = await EditorSite.PostFormAsync(board, ProposalsController.IntakeUrl(townId), new() { ["automatic"] = automatic ? "true" : "false" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(automatic, await AutomaticAsync());
            Assert.Equal(automatic, (await reader.GetStringAsync($"/{Town}/tin-tuc")).Contains(title));
            // The post is indexed by a background worker woken by its save; a unit-filtered search follows the choice at once.
            for (var attempt = 0; attempt < 100 && !(await reader.GetStringAsync($"/tim-kiem?q={word}")).Contains(title); attempt++)
                await Task.Delay(100);
            Assert.Equal(automatic, await FoundUnderTownAsync());
            Assert.Equal(automatic, (await reader.GetStringAsync($"/tim-kiem?q={word}&don-vi={Town}")).Contains(title));
        }
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == Content.Audit.AuditActions.UnitChanged
            && e.Summary == $"Sửa đơn vị {SeedFacts.UnitNames.UbndThiXaNgaNam}: chỉ nhận bài đơn vị trực thuộc do Tổ Biên tập chọn")));
    }
}
