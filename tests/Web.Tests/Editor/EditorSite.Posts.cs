using System.Net;
using CchcSite.Content.Posts;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Editor;

/// <summary>Saving posts through the editor area, as an editor does.</summary>
public partial class EditorSite
{
    public Task<Guid> PostVersionAsync(int id) => WithDbAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());

    /// <summary>Saves a post's title and body from its edit form.</summary>
    public async Task<HttpResponseMessage> SavePostAsync(HttpClient editor, int id, string title) =>
        await PostFormAsync(editor, $"/quan-tri/bai-viet/{id}", new Dictionary<string, string>
        {
            ["Version"] = (await PostVersionAsync(id)).ToString(), ["Title"] = title, ["BodyMarkdown"] = "Nội dung đã cập nhật.",
        });

    /// <summary>
    /// An edit of a live post is a pending change until it is approved; the administrator here saves, submits and
    /// approves it, and readers see it only after the approval.
    /// </summary>
    public async Task SaveLiveAndApproveAsync(HttpClient administrator, int id, string title)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SavePostAsync(administrator, id, title)).StatusCode);
        foreach (var step in new[] { WorkflowStep.Submit, WorkflowStep.Publish })
            Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(administrator, $"/quan-tri/bai-viet/{id}/buoc/{step}",
                new Dictionary<string, string> { ["version"] = (await PostVersionAsync(id)).ToString() })).StatusCode);
    }
}
