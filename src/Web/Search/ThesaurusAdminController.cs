using CchcSite.Content.Search;
using CchcSite.Web.Editor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Search;

public sealed record ThesaurusAdminPage(ThesaurusOverview Overview, ThesaurusAdminController.SynonymForm Form);

/// <summary>
/// The search thesaurus in the editor area, for administrators: the shipped groups (each can be turned off and on), the
/// groups administrators added, and a form to add one. Changes apply to the next search, without rebuilding the index.
/// </summary>
[Authorize(Policy = EditorPolicies.Administrator)]
public sealed class ThesaurusAdminController(ThesaurusAdministration thesaurus, CurrentEditor editor) : EditorController
{
    public const string ListUrl = "/quan-tri/tim-kiem/tu-dong-nghia";

    public sealed class SynonymForm
    {
        public string? Forms { get; set; }
        public string? Source { get; set; }
    }

    [HttpGet(ListUrl)]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new ThesaurusAdminPage(await thesaurus.ListAsync(ct), new SynonymForm()));

    [HttpPost(ListUrl)]
    public async Task<IActionResult> Add(SynonymForm form, CancellationToken ct) =>
        await FormOutcomeAsync(await thesaurus.AddAsync(form.Forms, form.Source, editor.Actor, ct),
            added => Saved($"Đã thêm nhóm từ: {added.Forms}."),
            async () => View("Index", new ThesaurusAdminPage(await thesaurus.ListAsync(ct), form)));

    [HttpPost(ListUrl + "/{id:int}/xoa")]
    public async Task<IActionResult> Remove(int id, CancellationToken ct) =>
        MessageOutcome(await thesaurus.RemoveAsync(id, editor.Actor, ct), ListUrl,
            removed => removed.TurnsOffShipped ? $"Đã bật lại nhóm từ: {removed.Forms}." : $"Đã xóa nhóm từ: {removed.Forms}.");

    [HttpPost(ListUrl + "/tat")]
    public async Task<IActionResult> TurnOff(string? forms, CancellationToken ct) =>
        MessageOutcome(await thesaurus.TurnOffAsync(forms, editor.Actor, ct), ListUrl, off => $"Đã tắt nhóm từ: {off.Forms}.");

    private RedirectResult Saved(string message) => Saved(ListUrl, message);
}
