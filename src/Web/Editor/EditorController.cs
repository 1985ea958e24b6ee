using CchcSite.Content.Accounts;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

/// <summary>
/// What every page of the editor area shares: its area, the door (an active editor; administrators' pages override the
/// policy), antiforgery on every post, never cached; the load-authorize-or-404 step against the one permission table;
/// the page number as typed; and the one way a write's <see cref="Outcome{T}"/> becomes a page.
/// </summary>
[Area(EditorArea.Name)]
[Authorize(Policy = EditorPolicies.Editor)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class EditorController : Controller
{
    private IAuthorizationService Authorization => HttpContext.RequestServices.GetRequiredService<IAuthorizationService>();

    /// <summary>Asks the one rule table whether the user may take the action on an item of the unit.</summary>
    protected Task<bool> MayAsync(int unitId, EditorAction action) => Authorization.MayAsync(User, unitId, action);

    /// <summary>The item when it exists and the user may take the action in its unit; otherwise the 404 or 403 to answer.</summary>
    protected async Task<(T? Item, IActionResult? Refusal)> AuthorizedAsync<T>(Task<T?> load, Func<T, int> unitOf, EditorAction action)
        where T : class =>
        await load is not { } item ? (null, NotFound())
        : await MayAsync(unitOf(item), action) ? (item, null)
        : (null, Forbid());

    /// <summary>
    /// The "trang" of a list as typed: absent or not a number is page 1; a number past the int range is a page past the
    /// end like any other (an empty list), never page 1.
    /// </summary>
    protected static int PageOf(string? trang) => Math.Max(PageNumber.Parse(trang) ?? 1, 1);

    /// <summary>
    /// A form's write as a page: done, <paramref name="ok"/>; invalid, the form again as 422 with the summary and each
    /// field's message; refused, the form again as 403 with the reason; someone else's change first, the form again as
    /// 409 (or <paramref name="conflict"/>, which shows their version); gone, 404.
    /// </summary>
    protected async Task<IActionResult> FormOutcomeAsync<T>(Outcome<T> outcome, Func<T, IActionResult> ok, Func<Task<IActionResult>> form,
        Func<Outcome<T>.Conflict, Task<IActionResult>>? conflict = null)
    {
        switch (outcome)
        {
            case Outcome<T>.Ok done:
                return ok(done.Value);
            case Outcome<T>.NotFound:
                return NotFound();
            case Outcome<T>.Conflict clash when conflict is not null:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await conflict(clash);
            case Outcome<T>.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError(field, message);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await form();
            default:
                ModelState.AddModelError("", outcome.Problem!);
                Response.StatusCode = outcome is Outcome<T>.Refused ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
                return await form();
        }
    }

    /// <summary>
    /// True, with the 422 set, when something typed could not be read as its field's type (a date not in dd/mm/yyyy, see
    /// <see cref="Dates.VietnameseDateBinder"/>): the caller shows the form again, with what was typed and the message,
    /// instead of writing the field as empty.
    /// </summary>
    protected bool Unreadable()
    {
        if (ModelState.IsValid)
            return false;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return true;
    }

    /// <summary>The units in which the person may take <paramref name="action"/>, in tree order: where a new item may be created.</summary>
    protected async Task<IReadOnlyList<Content.Units.UnitRef>> UnitsAllowingAsync(EditorAction action, CancellationToken ct)
    {
        var services = HttpContext.RequestServices;
        var allowed = Permissions.UnitsAllowing(await services.GetRequiredService<CurrentEditor>().GrantsAsync(), action);
        return (await services.GetRequiredService<Content.Units.UnitDirectory>().SubtreesAsync(null, ct)).Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
    }

    /// <summary>After a form's write: back to <paramref name="url"/> with <paramref name="message"/> as the message line.</summary>
    protected RedirectResult Saved(string url, string message)
    {
        TempData["Message"] = message;
        return Redirect(url);
    }

    /// <summary>A button's write (a workflow step, a grant): back to <paramref name="url"/> with what happened, or why not, as the message line.</summary>
    protected RedirectResult MessageOutcome<T>(Outcome<T> outcome, string url, Func<T, string> done)
    {
        TempData["Message"] = outcome is Outcome<T>.Ok ok ? done(ok.Value) : outcome.Problem;
        return Redirect(url);
    }
}
