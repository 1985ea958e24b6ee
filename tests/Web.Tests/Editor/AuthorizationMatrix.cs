using System.Net;
using CchcSite.Content.Accounts;

namespace CchcSite.Web.Tests.Editor;

/// <summary>
/// Every kind of user an authorization matrix tries: none, an administrator, each role of the unit, roles of another unit,
/// and an overseer of the Phòng Nội vụ that oversees the unit (seed/oversight.json), who reads and changes nothing.
/// </summary>
public enum Who { Anonymous, Administrator, Editor, Approver, HotlineOfficer, OtherEditor, OtherApprover, Overseer }

/// <summary>
/// Allowed: the step was taken. Refused: the user reached it, and the rules turned it down (422, or the form again).
/// Forbidden: the access-denied page. Login: the sign-in page.
/// </summary>
public enum Outcome { Allowed, Forbidden, Login, Refused }

/// <summary>What the editor-area matrices share: the unit under test, how each user signs in, and how an answer is read.</summary>
public static class AuthorizationMatrix
{
    public const string Unit = SeedFacts.Units.PhongGddtNgaNam;
    public const string OtherUnit = SeedFacts.Units.SoLdtbxhBinhDinh;
    public const string OverseerUnit = SeedFacts.Units.PhongNoiVuNgaNam;

    public static TheoryData<TEndpoint, Who> Cases<TEndpoint>() where TEndpoint : struct, Enum
    {
        var data = new TheoryData<TEndpoint, Who>();
        foreach (var endpoint in Enum.GetValues<TEndpoint>())
            foreach (var who in Enum.GetValues<Who>())
                data.Add(endpoint, who);
        return data;
    }

    /// <summary>A browser signed in as a fresh account of that kind (named so no two cases share one).</summary>
    public static async Task<HttpClient> BrowserForAsync(EditorSite site, Who who, string name)
    {
        var email = $"{name}@cchc.test";
        switch (who)
        {
            case Who.Anonymous: return site.NewBrowser();
            case Who.Administrator: return await site.SignedInAsync(EditorSite.AdminEmail);
            case Who.Editor: await site.AddUserAsync(email, (Unit, UnitRole.Editor)); break;
            case Who.Approver: await site.AddUserAsync(email, (Unit, UnitRole.Approver)); break;
            case Who.HotlineOfficer: await site.AddUserAsync(email, (Unit, UnitRole.HotlineOfficer)); break;
            case Who.OtherEditor: await site.AddUserAsync(email, (OtherUnit, UnitRole.Editor)); break;
            case Who.OtherApprover: await site.AddUserAsync(email, (OtherUnit, UnitRole.Approver)); break;
            case Who.Overseer: await site.AddUserAsync(email, (OverseerUnit, UnitRole.Overseer)); break;
        }
        return await site.SignedInAsync(email);
    }

    /// <summary>
    /// 200, or a redirect to where a successful action goes, is allowed; the access-denied and login redirects are not; 422 is a
    /// refusal. Where a refusal also redirects to the item, only what changed in the database can tell them apart.
    /// </summary>
    public static Outcome Classify(HttpResponseMessage response, string successRedirectPrefix)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Allowed,
            HttpStatusCode.UnprocessableEntity => Outcome.Refused,
            HttpStatusCode.Redirect when location.StartsWith(successRedirectPrefix) => Outcome.Allowed,
            HttpStatusCode.Redirect when location.Contains("/quan-tri/khong-co-quyen") => Outcome.Forbidden,
            HttpStatusCode.Redirect when location.Contains("/quan-tri/dang-nhap") => Outcome.Login,
            _ => throw new Xunit.Sdk.XunitException($"Unexpected answer {(int)response.StatusCode} {location}"),
        };
    }
}
