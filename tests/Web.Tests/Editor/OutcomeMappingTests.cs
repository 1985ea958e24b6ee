using CchcSite.Content.Outcomes;
using CchcSite.Web.Api;
using CchcSite.Web.Editor;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CchcSite.Web.Tests.Editor;

/// <summary>The two mappings of a write's <see cref="Outcome{T}"/>: to the API's answers, and to the editor area's pages.</summary>
public sealed class OutcomeMappingTests
{
    private sealed record Item(int Id, string Title);

    private static readonly Item Current = new(7, "Bản của người khác");

    private static readonly Outcome<Item> Invalid = new Outcome<Item>.Invalid(new Dictionary<string, string[]>
    {
        ["Title"] = ["Vui lòng nhập tiêu đề."],
        ["FeedbackType"] = ["Vui lòng chọn phản ánh hoặc kiến nghị.", "Giá trị không hợp lệ."],
    });

    private static Results<Ok<Item>, ValidationProblem, ProblemHttpResult> Api(Outcome<Item> outcome) =>
        ApiProblems.From(outcome, TypedResults.Ok);

    [Fact]
    public void The_api_answers_done_with_the_value()
    {
        Assert.Same(Current, Assert.IsType<Ok<Item>>(Api(new Outcome<Item>.Ok(Current)).Result).Value);
    }

    [Fact]
    public void The_api_answers_invalid_with_each_message_under_the_fields_json_name()
    {
        var problem = Assert.IsType<ValidationProblem>(Api(Invalid).Result);

        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal(["title", "feedbackType"], problem.ProblemDetails.Errors.Keys);
        Assert.Equal(["Vui lòng chọn phản ánh hoặc kiến nghị.", "Giá trị không hợp lệ."], problem.ProblemDetails.Errors["feedbackType"]);
        Assert.Equal("Tham số không hợp lệ", problem.ProblemDetails.Title);
    }

    [Theory]
    [InlineData("refused", StatusCodes.Status403Forbidden, "Không được phép")]
    [InlineData("conflict", StatusCodes.Status409Conflict, "Xung đột")]
    [InlineData("missing", StatusCodes.Status404NotFound, "Không tìm thấy")]
    public void The_api_answers_every_other_outcome_as_a_vietnamese_problem_with_its_status(string kind, int status, string title)
    {
        Outcome<Item> outcome = kind switch
        {
            "refused" => new Outcome<Item>.Refused("Bạn không có quyền."),
            "conflict" => new Outcome<Item>.Conflict("Vừa được người khác thay đổi.", Current),
            _ => new Outcome<Item>.NotFound("Không có mục này."),
        };

        var problem = Assert.IsType<ProblemHttpResult>(Api(outcome).Result);

        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(title, problem.ProblemDetails.Title);
        Assert.Equal(outcome.Problem, problem.ProblemDetails.Detail);
    }

    /// <summary>An editor page, as the editor area's controllers are, with a request of its own.</summary>
    private sealed class Page : EditorController
    {
        public Page()
        {
            var http = new DefaultHttpContext();
            ControllerContext = new ControllerContext { HttpContext = http };
            TempData = new TempDataDictionary(http, new NoTempDataStore());
        }

        public static readonly IActionResult Done = new RedirectResult("/xong");

        public Task<IActionResult> Show(Outcome<Item> outcome, bool showsConflicts = false) =>
            FormOutcomeAsync(outcome, _ => Done, () => Task.FromResult<IActionResult>(View("Form")),
                showsConflicts ? conflict => Task.FromResult<IActionResult>(View("Conflict", conflict.Current)) : null);

        public RedirectResult Message(Outcome<Item> outcome) => MessageOutcome(outcome, "/danh-sach", item => $"Đã lưu {item.Title}.");
    }

    private sealed class NoTempDataStore : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }

    private static string[] Messages(Page page, string field) => page.ModelState[field]!.Errors.Select(e => e.ErrorMessage).ToArray();

    [Fact]
    public async Task The_editor_goes_on_when_done()
    {
        var page = new Page();

        Assert.Same(Page.Done, await page.Show(new Outcome<Item>.Ok(Current)));
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_save_shows_the_form_again_as_422_with_every_message_by_field()
    {
        var page = new Page();

        var result = Assert.IsType<ViewResult>(await page.Show(Invalid));

        Assert.Equal("Form", result.ViewName);
        Assert.Equal(StatusCodes.Status422UnprocessableEntity, page.Response.StatusCode);
        Assert.Equal(["Vui lòng nhập tiêu đề."], Messages(page, "Title"));
        Assert.Equal(["Vui lòng chọn phản ánh hoặc kiến nghị.", "Giá trị không hợp lệ."], Messages(page, "FeedbackType"));
    }

    [Fact]
    public async Task A_refused_save_shows_the_form_again_as_403_with_the_reason_in_the_summary()
    {
        var page = new Page();

        var result = Assert.IsType<ViewResult>(await page.Show(new Outcome<Item>.Refused("Bạn không có quyền.")));

        Assert.Equal("Form", result.ViewName);
        Assert.Equal(StatusCodes.Status403Forbidden, page.Response.StatusCode);
        Assert.Equal(["Bạn không có quyền."], Messages(page, ""));
    }

    [Fact]
    public async Task A_conflict_shows_the_conflict_view_with_their_version_where_there_is_one_and_the_form_as_409_otherwise()
    {
        var shown = new Page();
        var plain = new Page();
        var conflict = new Outcome<Item>.Conflict("Vừa được người khác thay đổi.", Current);

        var view = Assert.IsType<ViewResult>(await shown.Show(conflict, showsConflicts: true));
        var form = Assert.IsType<ViewResult>(await plain.Show(conflict));

        Assert.Equal(("Conflict", Current), (view.ViewName, view.Model));
        Assert.Equal(StatusCodes.Status409Conflict, shown.Response.StatusCode);
        Assert.Equal("Form", form.ViewName);
        Assert.Equal(StatusCodes.Status409Conflict, plain.Response.StatusCode);
        Assert.Equal(["Vừa được người khác thay đổi."], Messages(plain, ""));
    }

    [Fact]
    public async Task Something_gone_is_404()
    {
        Assert.IsType<NotFoundResult>(await new Page().Show(new Outcome<Item>.NotFound("Không có mục này.")));
    }

    [Fact]
    public void A_buttons_write_goes_back_with_what_happened_or_why_not()
    {
        var done = new Page();
        var refused = new Page();

        Assert.Equal("/danh-sach", done.Message(new Outcome<Item>.Ok(Current)).Url);
        Assert.Equal("/danh-sach", refused.Message(Invalid).Url);

        Assert.Equal("Đã lưu Bản của người khác.", done.TempData["Message"]);
        Assert.Equal("Vui lòng nhập tiêu đề. Vui lòng chọn phản ánh hoặc kiến nghị. Giá trị không hợp lệ.", refused.TempData["Message"]);
    }
}
