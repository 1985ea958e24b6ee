using System.Text.Json;
using CchcSite.Content.Outcomes;
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

    /// <summary>
    /// A write's outcome as the API answers it: done, <paramref name="ok"/>; invalid, 400 with the messages under each
    /// field's JSON name (as the caller sent it); refused 403, conflict 409, gone 404, each with its Vietnamese detail.
    /// </summary>
    public static Results<TOk, ValidationProblem, ProblemHttpResult> From<T, TOk>(Outcome<T> outcome, Func<T, TOk> ok) where TOk : IResult =>
        outcome switch
        {
            Outcome<T>.Ok done => ok(done.Value),
            Outcome<T>.Invalid invalid => Invalid(invalid.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value)),
            Outcome<T>.Refused refused => TypedResults.Problem(detail: refused.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Không được phép"),
            Outcome<T>.Conflict conflict => TypedResults.Problem(detail: conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "Xung đột"),
            Outcome<T>.NotFound missing => NotFound(missing.Message),
            _ => throw new InvalidOperationException(outcome.GetType().Name),
        };
}
