using CchcSite.Content.Accounts;
using CchcSite.Content.Audit;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Paging;
using CchcSite.Content.Posts;
using CchcSite.Content.Proposals;
using CchcSite.Content.Units;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Content.Tests.Search;

/// <summary>
/// A search filtered on a unit finds what the unit's section lists (<see cref="PublishedPosts.ListAsync"/>): its own posts,
/// its sub-units' only when it takes them automatically, and the sub-units' posts its board accepted. Town T takes none
/// automatically; its office O proposes four posts and T's board accepts one, declines one and leaves one pending.
/// </summary>
public class SectionSearchTests : IAsyncLifetime
{
    private SearchTestSite _site = null!;
    private Unit _town = null!;
    private Unit _office = null!;
    private static readonly Actor Actor = new("nguoi-dung", "lanh-dao@t.test", null);

    public async Task InitializeAsync()
    {
        _site = await SearchTestSite.CreateAsync();
        _town = await _site.AddUnitAsync("thi-xa-t");
        _office = await _site.AddUnitAsync("phong-o", _town);
        await SetAutomaticAsync(false);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private PostFilter InTown => new(_town.Id) { Page = new PageRequest(1, 20) };

    /// <summary>Through the tracked save, as the forms do: the unit row changes, no post does.</summary>
    private async Task SetAutomaticAsync(bool on)
    {
        await using var db = _site.Database.NewContext();
        (await db.Units.SingleAsync(u => u.Id == _town.Id)).AcceptsSubUnitPostsAutomatically = on;
        await db.SaveChangesAsync();
    }

    private async Task<int> ProposeToTownAsync(Post post)
    {
        await using var db = _site.Database.NewContext();
        var sent = await _site.Database.Get<PostProposals>(db).ProposeAsync(post.Id, [_town.Id],
            new UserGrants("o", true, false, [(_office.Id, UnitRole.Approver)]), Actor, CancellationToken.None);
        return Assert.IsType<Outcome<IReadOnlyList<PostProposal>>.Ok>(sent).Value[0].Id;
    }

    private async Task DecideAsync(int proposalId, ProposalDecision decision)
    {
        await using var db = _site.Database.NewContext();
        var decided = await _site.Database.Get<PostProposals>(db).DecideAsync(proposalId, decision,
            new UserGrants("t", true, false, [(_town.Id, UnitRole.Approver)]), Actor, CancellationToken.None);
        Assert.IsType<Outcome<PostProposal>.Ok>(decided);
    }

    private async Task<List<string>> SectionTitlesAsync()
    {
        await using var db = _site.Database.NewContext();
        return (await _site.Database.NewPublishedPosts(db).ListAsync(InTown, CancellationToken.None)).Items.Select(c => c.Title).Order().ToList();
    }

    [Fact]
    public async Task Only_the_accepted_proposal_joins_the_towns_own_posts_under_the_town_filter_with_the_boards_title()
    {
        await _site.AddPostAsync(_town, "Tuyên truyền của thị xã");
        var accepted = await _site.AddPostAsync(_office, "Tuyên truyền được nhận");
        var declined = await _site.AddPostAsync(_office, "Tuyên truyền bị từ chối");
        var pending = await _site.AddPostAsync(_office, "Tuyên truyền chờ quyết định");
        var toAccept = await ProposeToTownAsync(accepted);
        await DecideAsync(await ProposeToTownAsync(declined), new(false, null, null, "Trùng nội dung."));
        await ProposeToTownAsync(pending);
        await _site.ApplyOutboxAsync();
        Assert.Equal(["Tuyên truyền của thị xã"], await _site.TitlesAsync("tuyên truyền", InTown));

        await DecideAsync(toAccept, new(true, "Tin của thị xã về tuyên truyền", null, null));
        // The decision wrote the post's outbox row: applying it indexes the post with the town it was accepted into.
        Assert.True(await _site.ApplyOutboxAsync() > 0);
        var found = await _site.SearchAsync("tuyên truyền", InTown);
        Assert.Equal(["Tin của thị xã về tuyên truyền", "Tuyên truyền của thị xã"], found.Hits.Items.Select(h => h.Post.Title).Order());
        Assert.True(found.Hits.Items.Single(h => h.Post.Id == accepted.Id).Post.FromSubUnit);
        Assert.Equal(await SectionTitlesAsync(), found.Hits.Items.Select(h => h.Post.Title).Order());
        // The office's own filter is untouched by the town's decisions, and an unfiltered search finds all four.
        Assert.Equal(3, (await _site.TitlesAsync("tuyên truyền", new PostFilter(_office.Id))).Count);
        Assert.Equal(4, (await _site.SearchAsync("tuyên truyền")).Hits.TotalCount);
    }

    [Fact]
    public async Task A_sub_units_post_is_found_under_the_town_only_while_the_town_takes_them_automatically()
    {
        await _site.AddPostAsync(_town, "Cải cách của thị xã");
        await _site.AddPostAsync(_office, "Cải cách của phòng");
        await _site.ApplyOutboxAsync();

        // Searched twice on each side of the change, the same words and filter, with no index change in between: the
        // answer kept for the first search must not outlive the setting.
        Assert.Equal(["Cải cách của thị xã"], await _site.TitlesAsync("cải cách", InTown));
        await SetAutomaticAsync(true);
        Assert.Equal(0, await _site.ApplyOutboxAsync());
        Assert.Equal(["Cải cách của phòng", "Cải cách của thị xã"], (await _site.TitlesAsync("cải cách", InTown)).Order());
        Assert.Equal(await SectionTitlesAsync(), (await _site.TitlesAsync("cải cách", InTown)).Order());

        await SetAutomaticAsync(false);
        Assert.Equal(["Cải cách của thị xã"], await _site.TitlesAsync("cải cách", InTown));
        Assert.Equal(await SectionTitlesAsync(), await _site.TitlesAsync("cải cách", InTown));
    }
}
