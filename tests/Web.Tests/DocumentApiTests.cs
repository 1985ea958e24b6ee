using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Posts;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests;

/// <summary>The API's document part keeps its flat shape now that it is read from the one document record.</summary>
[Collection(SeededSiteCollection.Name)]
public class DocumentApiTests(SiteFactory site)
{
    [Fact]
    public async Task A_documents_fields_come_flat_in_their_order_with_its_related_documents_last()
    {
        var id = await site.WithDbAsync(db => db.Posts.Where(p => p.Kind == PostKind.Document && p.Status == PostStatus.Published && p.Relations.Any())
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

        var post = await site.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/posts/{id}");

        var document = post.GetProperty("document");
        Assert.Equal(["number", "type", "issuedOn", "issuer", "signer", "effectiveOn", "expiresOn", "abstract", "related"],
            document.EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(0, document.GetProperty("related").GetArrayLength());
    }
}
