using Microsoft.AspNetCore.WebUtilities;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The error statuses the site answers with, and how each is explained to a citizen: on the error page
/// (/loi/{code}) and in the API's ProblemDetails that the framework writes without a text of its own.
/// </summary>
public static class ErrorStatuses
{
    private const string Generic = "Hệ thống chưa xử lý được yêu cầu. Vui lòng thử lại sau ít phút.";

    private static readonly Dictionary<int, (string Title, string Message)> Texts = new()
    {
        [StatusCodes.Status400BadRequest] = ("Yêu cầu không hợp lệ", "Yêu cầu gửi lên không đúng định dạng. Vui lòng kiểm tra lại và thử lại."),
        [StatusCodes.Status403Forbidden] = ("Không có quyền truy cập", "Bạn không có quyền xem trang này."),
        [StatusCodes.Status404NotFound] = ("Không tìm thấy trang", "Trang bạn tìm không có hoặc đã được chuyển đi. Vui lòng kiểm tra lại địa chỉ hoặc quay về trang chủ."),
        [StatusCodes.Status405MethodNotAllowed] = ("Phương thức không được hỗ trợ", "Địa chỉ này không nhận loại yêu cầu vừa gửi."),
        [StatusCodes.Status410Gone] = ("Bài viết đã được gỡ", "Bài viết này đã được đơn vị gỡ khỏi chuyên trang và không còn được cung cấp."),
        [StatusCodes.Status413PayloadTooLarge] = ("Nội dung gửi lên quá lớn", "Nội dung hoặc tệp đính kèm vượt quá dung lượng cho phép. Vui lòng gửi tệp nhỏ hơn."),
        [StatusCodes.Status415UnsupportedMediaType] = ("Kiểu nội dung không được hỗ trợ", "Nội dung gửi lên không thuộc kiểu được chấp nhận."),
        [StatusCodes.Status429TooManyRequests] = ("Quá nhiều yêu cầu", "Bạn đã gửi quá nhiều yêu cầu. Vui lòng đợi một phút rồi thử lại."),
        [StatusCodes.Status500InternalServerError] = ("Có lỗi xảy ra", Generic),
    };

    /// <summary>
    /// The status to answer for a code taken from an address: an error status HTTP defines (400–599 with a
    /// registered reason phrase) as itself, anything else — 0, negative, 1xx, 2xx, 3xx, unassigned — as 404, so that
    /// the address can never produce an informational, success or redirect status (101 would even switch protocols).
    /// </summary>
    public static int Known(int code) =>
        code is >= 400 and <= 599 && ReasonPhrases.GetReasonPhrase(code).Length > 0 ? code : StatusCodes.Status404NotFound;

    public static (string Title, string Message) Describe(int status) =>
        Texts.TryGetValue(status, out var text) ? text : ("Có lỗi xảy ra", Generic);

    /// <summary>
    /// Vietnamese for the problems the framework writes itself (status-code pages, the exception handler, the rate
    /// limiter): they carry no detail. The site's own problems always have a detail, or are validation problems, and are kept.
    /// </summary>
    public static IServiceCollection AddVietnameseProblemDetails(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ValidationProblemWriter>());
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Detail is not null || problem is HttpValidationProblemDetails)
                return;
            var (title, message) = Describe(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Title = title;
            problem.Detail = message;
        });
    }
}
