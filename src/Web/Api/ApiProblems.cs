using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");

    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu");

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Tham số không hợp lệ");
}
