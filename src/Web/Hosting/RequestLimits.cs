using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Bodies the site will not read are refused with a status that says why, in one place for every endpoint.
/// </summary>
public static class RequestLimits
{
    /// <summary>
    /// An announced body larger than the endpoint's limit (routing has applied [RequestSizeLimit] by now, else
    /// Kestrel's) is answered 413 before anything reads it. Left to the endpoint, the form would be read by the
    /// antiforgery check, whose failure turns Kestrel's 413 into a 400, and the error page re-executed with the
    /// unreadable body used to bind its status from that body: the tester's "HTTP/1.1 0".
    /// </summary>
    public static IApplicationBuilder UseAnnouncedBodyLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            // A re-executed error page carries the same body; it must be shown, not refused again.
            if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            return next(context);
        });

    /// <summary>
    /// JSON exchanged between systems is UTF-8 (RFC 8259, section 8.1); a JSON body declaring any other charset is
    /// refused with 415 before an endpoint reads it. The framework would transcode a charset it knows and fail with
    /// a 500 on one it does not ("charset=nope").
    /// </summary>
    public static IApplicationBuilder UseUtf8Json(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.HasJsonContentType()
                && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
                && type.Charset is { HasValue: true } charset
                && !IsUtf8(charset.Value!.Trim('"')))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType,
                        Title = ErrorStatuses.Describe(StatusCodes.Status415UnsupportedMediaType).Title,
                        Detail = "Nội dung JSON phải được mã hoá UTF-8: hãy gửi Content-Type: application/json; charset=utf-8, hoặc bỏ phần charset.",
                    },
                });
                return;
            }
            await next(context);
        });

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The framework's own "this request is malformed or too large" exception, wherever an endpoint lets it out,
    /// is answered with the status it carries (400, 413…) instead of 500.
    /// </summary>
    public static IServiceCollection AddBadRequestStatuses(this IServiceCollection services) =>
        services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
}
