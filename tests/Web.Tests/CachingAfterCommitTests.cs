using System.Collections.Concurrent;
using System.Net;
using CchcSite.Content.Data;
using CchcSite.Content.Posts;
using CchcSite.Web.Tests.Editor;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests;

/// <summary>
/// The editor saves a post in an explicit transaction (the post and its new revision, then its audit entry). A listener
/// told before the commit would let a request in between cache the old page again; so the listener here looks at the
/// database from a connection of its own (a context in a scope of its own, on either provider), which sees committed data
/// only, and records how many revisions it finds.
/// </summary>
public sealed class CachingAfterCommitTests(CachingAfterCommitTests.WatchedSite site) : IClassFixture<CachingAfterCommitTests.WatchedSite>
{
    public sealed class WatchedSite : EditorSite
    {
        public ConcurrentQueue<(ContentChangeSet Changes, Dictionary<int, long> CommittedRevisions)> Told { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IContentChangeListener>(provider => new CommittedReader(this, provider)));
        }

        private sealed class CommittedReader(WatchedSite site, IServiceProvider services) : IContentChangeListener
        {
            public async ValueTask ContentChangedAsync(ContentChangeSet changes, CancellationToken ct)
            {
                var revisions = new Dictionary<int, long>();
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
                foreach (var id in changes.PostIds)
                    revisions[id] = await db.Set<PostRevision>().LongCountAsync(r => r.PostId == id, ct);
                site.Told.Enqueue((changes, revisions));
            }
        }
    }

    [Fact]
    public async Task The_editors_save_is_told_once_and_only_when_another_connection_already_sees_it()
    {
        var post = await site.WithDbAsync(db => db.Posts
            .Where(p => p.Status == PostStatus.Published && p.PublishAt <= DateTime.UtcNow && p.Kind == PostKind.Article)
            .Select(p => new { p.Id, p.UnitId, p.Version }).FirstAsync());
        var editor = await site.SignedInAsync(EditorSite.AdminEmail);
        var revisionsBefore = await site.WithDbAsync(db => db.Set<PostRevision>().CountAsync(r => r.PostId == post.Id));
        site.Told.Clear();

        var saved = await EditorSite.PostFormAsync(editor, $"/quan-tri/bai-viet/{post.Id}", new Dictionary<string, string>
        {
            ["Version"] = post.Version.ToString(), ["Title"] = "Đã lưu và đã cam kết", ["BodyMarkdown"] = "Nội dung mới.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (changes, committed) = Assert.Single(site.Told, t => t.Changes.PostIds.Contains(post.Id));
        Assert.Equal(revisionsBefore + 1, committed[post.Id]);
        Assert.Contains(ContentTags.Post(post.Id), changes.Tags);
        Assert.Contains(ContentTags.Unit(post.UnitId), changes.Tags);
        Assert.Contains(ContentTags.Home, changes.Tags);
    }
}
