using CchcSite.Content.Contests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CchcSite.Web.Api;

/// <summary>A contest with its rules (rendered from Markdown), settings and rounds.</summary>
public sealed record ContestDescription(
    ContestCard Contest,
    string RulesHtml,
    ContestAudience Audience,
    int QuestionsPerAttempt,
    int TimeLimitSeconds,
    int AttemptsPerRound,
    string? GuessQuestion,
    ContestPrizes Prizes);

/// <summary>
/// Online reform contests: the published ones, one with its rules and rounds, and the ranked results of a closed round,
/// the same the public pages show (<see cref="PublicContests"/>): contacts masked, never a question's correct answer.
/// Not output-cached: a round opens and closes by the clock.
/// </summary>
public static class ContestsApi
{
    public static RouteGroupBuilder MapContestsApi(this RouteGroupBuilder api)
    {
        var contests = api.MapGroup("/contests").WithTags("Contests");
        contests.MapGet("/", async (PublicContests read, CancellationToken ct) => TypedResults.Ok((await read.ListAsync(ct)).Contests))
            .WithName("ListContests").WithSummary("Published contests, those with an open round first, with their rounds (UTC times) and states.");
        contests.MapGet("/{slug}", async Task<Results<Ok<ContestDescription>, ProblemHttpResult>> (string slug, PublicContests read, CancellationToken ct) =>
                await read.PageAsync(slug, new ContestEntryInput(), new Dictionary<string, string>(), ct) is { } page
                    ? TypedResults.Ok(new ContestDescription(page.Contest, page.RulesHtml, page.Audience, page.QuestionsPerAttempt, page.TimeLimitSeconds,
                        page.AttemptsPerRound, page.GuessQuestion, page.Prizes))
                    : ApiProblems.NotFound($"Không có hội thi '{slug}'."))
            .WithName("GetContest").WithSummary("A contest with its rules, settings and rounds.");
        contests.MapGet("/{slug}/rounds/{round:int}/results", async Task<Results<Ok<RoundResults>, ProblemHttpResult>> (string slug, int round,
                    PublicContests read, CancellationToken ct) =>
                await read.ResultsAsync(slug, round, ct) is { Rounds: [var results] } ? TypedResults.Ok(results)
                    : ApiProblems.NotFound($"Hội thi '{slug}' không có đợt {round} đã kết thúc."))
            .WithName("GetContestRoundResults")
            .WithSummary("The ranked results of a closed round (score, closeness of the guess, time, submission), with masked contacts and participation per unit.");
        return api;
    }
}
