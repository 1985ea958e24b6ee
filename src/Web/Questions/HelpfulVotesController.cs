using CchcSite.Content.Outcomes;
using CchcSite.Content.Questions;
using CchcSite.Web.Hosting;
using CchcSite.Web.Surveys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CchcSite.Web.Questions;

/// <summary>
/// "Câu trả lời này có hữu ích không?" under each published answer. The Q&amp;A pages are output-cached, so their form is
/// the same for everyone and cannot carry a visitor's antiforgery token; a vote is stored only with one. The theme's
/// script fetches the token from the confirmation (GET) and posts the vote in place; without script the first post shows
/// that confirmation with the choice kept, and its button sends the vote. Either way the thanks comes from the redirect
/// target, the same for everyone. Nothing here is cached: the confirmation holds one visitor's token.
/// </summary>
[PrivateAnswer]
[IgnoreAntiforgeryToken]
public sealed class HelpfulVotesController(HelpfulVotes votes, PublicSubmissions questions, IAntiforgery antiforgery) : Controller
{
    /// <summary>The browser's token for votes, sent only to the column's addresses.</summary>
    public const string TokenCookie = "cchc-hoi-dap";

    private const string Base = PublishedQuestionUrls.Column + "/{id:int}/" + PublishedQuestionUrls.VoteSegment;

    [HttpGet(Base)]
    public Task<IActionResult> Confirm(int id, [FromQuery(Name = HelpfulVotes.Field)] string? choice, CancellationToken ct) =>
        PageAsync(id, Parse(choice), thanked: false, ct);

    [HttpPost(Base)]
    [EnableRateLimiting(HelpfulVoteLimit.Policy)]
    public async Task<IActionResult> Vote(int id, CancellationToken ct)
    {
        var helpful = Request.HasFormContentType ? Parse((await Request.ReadFormAsync(ct))[HelpfulVotes.Field]) : null;
        // Checked here rather than by the filter: a post without the token (any post from the cached page) is asked to confirm.
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return await PageAsync(id, helpful, thanked: false, ct);
        var outcome = await votes.VoteAsync(id, helpful, BrowserTokenCookie.GetOrSet(HttpContext, TokenCookie, PublishedQuestionUrls.Column), ct);
        return outcome switch
        {
            // POST-redirect-GET; a second vote of this browser changes nothing and is thanked the same.
            Outcome<bool>.Ok => Redirect(PublishedQuestionUrls.VoteThanks(id)),
            Outcome<bool>.NotFound => NotFound(),
            _ => await PageAsync(id, null, thanked: false, ct),
        };
    }

    [HttpGet(Base + "/cam-on")]
    public Task<IActionResult> Thanks(int id, CancellationToken ct) => PageAsync(id, null, thanked: true, ct);

    private static bool? Parse(string? choice) => choice switch
    {
        HelpfulVotes.Yes => true,
        HelpfulVotes.No => false,
        _ => null,
    };

    private async Task<IActionResult> PageAsync(int id, bool? helpful, bool thanked, CancellationToken ct) =>
        await questions.FindAsync(id, ct) is { } question
            ? View("Helpful", new HelpfulVotePage(question.Id, question.Title, helpful, thanked))
            : NotFound();
}
