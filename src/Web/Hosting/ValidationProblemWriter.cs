using Microsoft.Extensions.Options;

namespace CchcSite.Web.Hosting;

/// <summary>
/// Writes a validation problem as it was made, messages by field included, wherever it is returned. Without it, MVC's
/// problem writer takes every problem an [ApiController] action returns and writes a new one from its status, title and
/// detail: the editor area's JSON endpoints (the resumable video upload) lost the messages of
/// <see cref="Api.ApiProblems.From"/> that the API's minimal endpoints keep. Registered first, so it is asked first.
/// </summary>
internal sealed class ValidationProblemWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    /// <summary>Only where MVC's writer would take it; elsewhere the framework's own writer keeps the messages.</summary>
    public bool CanWrite(ProblemDetailsContext context) => context.ProblemDetails is HttpValidationProblemDetails
        && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Infrastructure.IApiBehaviorMetadata>() is not null;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = (HttpValidationProblemDetails)context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        // As the framework's writer adds it, so that a problem can be found in the logs.
        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        return new(context.HttpContext.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions, "application/problem+json"));
    }
}
