using CchcSite.Content.Questions;
using CchcSite.Web.Hosting;
using CchcSite.Web.Questions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>Where a submission was stored: the code to follow it by, and its tracking address.</summary>
public sealed record SubmissionCreated(string TrackingCode, string TrackingUrl, string Unit, DateOnly DueOn, bool Emailed);

/// <summary>
/// A vote on a published answer from another front end: <see cref="Helpful"/> yes or no, and the app's own random token for
/// this device (32 to 200 characters, kept the same across votes), of which only a hash is stored.
/// </summary>
public sealed record HelpfulVoteInput(bool? Helpful, string? Token);

/// <summary>Whether the vote was stored: false when this token had already voted on the answer (the first vote stands).</summary>
public sealed record HelpfulVoteReceipt(bool Recorded);

/// <summary>Submissions from other front ends, and the tracking lookup. Never output-cached: each answer is one citizen's.</summary>
public static class SubmissionsApi
{
    public static RouteGroupBuilder MapSubmissionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/questions", (SubmissionInput input, SubmissionIntake intake, SubmissionLimiter limiter, HttpContext context, CancellationToken ct) =>
                SubmitAsync(SubmissionKind.Question, input, intake, limiter, context, ct))
            .WithTags("Questions").WithName("SubmitQuestion")
            .WithSummary("Sends a citizen's question to a unit (unit, name, email and/or phone, category, title, text, publishConsent); returns the tracking code.");
        api.MapPost("/feedback", (SubmissionInput input, SubmissionIntake intake, SubmissionLimiter limiter, HttpContext context, CancellationToken ct) =>
                SubmitAsync(SubmissionKind.Feedback, input, intake, limiter, context, ct))
            .WithTags("Questions").WithName("SubmitFeedback")
            .WithSummary("Sends hotline feedback to a unit (as a question, plus location and feedbackType Report or Proposal); returns the tracking code.");
        api.MapPost("/questions/{id:int}/votes", async Task<Results<Ok<HelpfulVoteReceipt>, ValidationProblem, ProblemHttpResult>> (int id,
                HelpfulVoteInput input, HelpfulVotes votes, CancellationToken ct) =>
                ApiProblems.From(await votes.VoteAsync(id, input.Helpful, input.Token, ct), recorded => TypedResults.Ok(new HelpfulVoteReceipt(recorded))))
            .RequireRateLimiting(HelpfulVoteLimit.Policy)
            .WithTags("Questions").WithName("VoteOnAnswer")
            .WithSummary("\"Câu trả lời này có hữu ích không?\" on a published answer: helpful (true or false) and token; one vote per token and answer. The counts are for the unit's officers only.");
        api.MapGet("/submissions/{code}", async Task<Results<Ok<SubmissionTracking>, ProblemHttpResult>> (string code, PublicSubmissions submissions, CancellationToken ct) =>
                await submissions.TrackAsync(code, ct) is { } found ? TypedResults.Ok(found) : ApiProblems.NotFound($"Không có câu hỏi, phản ánh nào mang mã '{code}'."))
            .RequireRateLimiting(TrackingLimit.Policy).WithMetadata(new PrivateAnswerAttribute())
            .WithTags("Questions").WithName("TrackSubmission")
            .WithSummary("Status, dates and the released answer of a question or feedback, by its tracking code; never the citizen's details.");
        return api;
    }

    private static async Task<Results<Created<SubmissionCreated>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        SubmissionKind kind, SubmissionInput input, SubmissionIntake intake, SubmissionLimiter limiter, HttpContext context, CancellationToken ct)
    {
        if (!limiter.TryAcquire(context))
            return ApiProblems.TooManyRequests(SubmissionLimiter.Message);
        return ApiProblems.From(await intake.SubmitAsync(kind, input, null, ct), received =>
            TypedResults.Created($"/api/v1/submissions/{received.Receipt.TrackingCode}", new SubmissionCreated(received.Receipt.TrackingCode,
                SubmissionAddresses.Tracking(received.Receipt.TrackingCode), received.Receipt.UnitName, received.Receipt.DueOn, received.Emailed)));
    }
}
