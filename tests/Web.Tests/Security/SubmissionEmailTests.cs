using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CchcSite.Content.Text;
using CchcSite.Testing.Hostile;
using CchcSite.Web.Tests.Questions;
using Microsoft.EntityFrameworkCore;

namespace CchcSite.Web.Tests.Security;

/// <summary>
/// Finding 2 (addresses): a citizen's e-mail goes into a mail header and onto officers' pages, so a quoted local part
/// such as <c>"&lt;svg/onload=alert(1)&gt;"@example.com</c>, a space, a line break or a domain without a dot is refused
/// by the form and the API alike, with a Vietnamese message, and nothing is stored.
/// </summary>
public sealed class SubmissionEmailTests(QuestionSite site) : IClassFixture<QuestionSite>
{
    public static TheoryData<int> BadEmails() => new(Enumerable.Range(0, HostileInputs.BadEmails.Length));

    [Theory]
    [MemberData(nameof(BadEmails))]
    public async Task A_bad_email_is_refused_by_the_form_and_the_api_and_nothing_is_stored(int index)
    {
        var email = HostileInputs.BadEmails[index];
        var formTitle = $"Câu hỏi có thư sai qua biểu mẫu {index}";
        var apiTitle = $"Câu hỏi có thư sai qua API {index}";
        var fields = QuestionSite.Question(formTitle);
        fields["Email"] = email;

        var form = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", fields);
        var api = await QuestionSite.PostApiAsync(site.CreateClient(), ApiBody(apiTitle, email));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
        Assert.Contains("Thư điện tử không đúng dạng", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(EmailAddressRule.Message, errors.GetProperty("email")[0].GetString());
        Assert.False(await site.WithDbAsync(db => db.Submissions.AnyAsync(s => s.Title == formTitle || s.Title == apiTitle)));
    }

    [Fact]
    public async Task An_ordinary_government_address_is_accepted_by_the_form_and_the_api()
    {
        const string email = "nguyen.van.a@sotc.soctrang.gov.vn";
        var fields = QuestionSite.Question("Câu hỏi có thư công vụ qua biểu mẫu");
        fields["Email"] = email;
        var form = await QuestionSite.PostFormAsync(site.NewBrowser(), $"/{QuestionSite.Unit}/gui-cau-hoi", fields);
        var api = await QuestionSite.PostApiAsync(site.CreateClient(), ApiBody("Câu hỏi có thư công vụ qua API", email));

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        Assert.Equal(2, await site.WithDbAsync(db => db.Submissions.CountAsync(s => s.Email == email)));
    }

    /// <summary>The API's usual question with the e-mail to try.</summary>
    private static JsonNode ApiBody(string title, string email)
    {
        var body = JsonSerializer.SerializeToNode(QuestionSite.ApiQuestion(title))!;
        body["email"] = email;
        return body;
    }
}
