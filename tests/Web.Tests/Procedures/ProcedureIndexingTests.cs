using System.Net.Http.Json;
using System.Text.Json;
using CchcSite.Content.Procedures;
using CchcSite.Testing;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Procedures;

/// <summary>Procedures are a search source: a save enqueues them in the outbox, and the worker brings the index up to date.</summary>
public class ProcedureIndexingTests
{
    private static async Task<List<string>> CodesAsync(HttpClient client, string q)
    {
        var results = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?q={Uri.EscapeDataString(q)}&status=all&pageSize=50");
        return results.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
    }

    /// <summary>Asks until the background worker has applied the change; fails only if it never does.</summary>
    private static async Task<List<string>> EventuallyAsync(HttpClient client, string q, Func<List<string>, bool> done)
    {
        var codes = await CodesAsync(client, q);
        for (var attempt = 0; attempt < 100 && !done(codes); attempt++)
        {
            await Task.Delay(100);
            codes = await CodesAsync(client, q);
        }
        return codes;
    }

    [Fact]
    public async Task A_renamed_procedure_is_found_by_its_new_name_and_no_longer_by_the_old()
    {
        using var site = new SiteFactory();
        var client = site.CreateClient();
        Assert.Contains("2.000908", await CodesAsync(client, "chung thuc di chuc"));

        var outbox = await site.WithDbAsync(async db =>
        {
            var procedure = await db.Procedures.SingleAsync(p => p.Code == "2.000908");
            procedure.Name = "Chứng thực văn bản thỏa thuận về thuyền rồng";
            procedure.FoldedName = ProcedureRules.Fold(procedure.Name);
            await db.SaveChangesAsync();
            return await db.SearchOutbox.Where(o => o.Source == Procedure.SourceName && o.ItemId == procedure.Id).CountAsync();
        });
        Assert.True(outbox > 0);

        Assert.Equal(["2.000908"], await EventuallyAsync(client, "thuyen rong", c => c.Count == 1));
    }
}
