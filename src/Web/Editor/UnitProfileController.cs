using CchcSite.Content.Accounts;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record UnitProfileChoicePage(IReadOnlyList<UnitRef> Units);

/// <summary>
/// The profile form: the leaders as written (blank rows kept in place, so a message for "Leaders[2]" sits on the third row)
/// and up to three empty rows to add more, within the limit.
/// </summary>
public sealed record UnitProfileFormPage(UnitRef Unit, UnitProfileDraft Draft)
{
    private static readonly UnitLeaderDraft Blank = new(null, null, null, null);

    public IReadOnlyList<UnitLeaderDraft> LeaderRows =>
        [.. Draft.Leaders, .. Enumerable.Repeat(Blank, Math.Clamp(UnitProfiles.MaxLeaders - Draft.Leaders.Count, 0, 3))];
}

/// <summary>Approvers (and administrators) write their unit's "Giới thiệu" page, shown at /{unit}/gioi-thieu and /{unit}/en.</summary>
public sealed class UnitProfileController(UnitProfiles profiles, UnitDirectory units, CurrentEditor editor) : EditorController
{
    public const string Base = "/quan-tri/gioi-thieu";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.EditUnitProfile);
        var choices = (await units.SubtreesAsync(null, ct)).Where(u => allowed is null || allowed.Contains(u.Id)).ToList();
        return choices.Count == 1 ? Redirect($"{Base}/{choices[0].Slug}") : View("Choose", new UnitProfileChoicePage(choices));
    }

    [HttpGet(Base + "/{slug}")]
    public async Task<IActionResult> Edit(string slug, CancellationToken ct)
    {
        var (page, refusal) = await AuthorizedAsync(profiles.FindAsync(slug, ct), p => p.Unit.Unit.Id, EditorAction.EditUnitProfile);
        if (page is null)
            return refusal!;
        var profile = page.Profile;
        return View("Form", new UnitProfileFormPage(page.Unit.Unit, new UnitProfileDraft(profile.Functions, profile.Organisation, profile.MapUrl,
            profile.EnglishName, profile.EnglishIntro, profile.Leaders.Select(l => new UnitLeaderDraft(l.Name, l.Position, l.Phone, l.Email)).ToList())));
    }

    [HttpPost(Base + "/{slug}")]
    public async Task<IActionResult> Save(string slug, UnitProfileInput input, CancellationToken ct)
    {
        var (unit, refusal) = await AuthorizedAsync(units.FindAsync(slug, ct), u => u.Unit.Id, EditorAction.EditUnitProfile);
        if (unit is null)
            return refusal!;
        var draft = input.ToDraft();
        return await FormOutcomeAsync(await profiles.SaveAsync(unit.Unit.Id, draft, editor.Actor, ct), _ =>
        {
            TempData["Message"] = "Đã lưu trang giới thiệu.";
            return Redirect($"{Base}/{slug}");
        }, () => Task.FromResult<IActionResult>(View("Form", new UnitProfileFormPage(unit.Unit, draft))));
    }
}

/// <summary>The form as posted; leaders come as Leaders[0].Name, Leaders[0].Position, … rows.</summary>
public sealed class UnitProfileInput
{
    public string? Functions { get; set; }
    public string? Organisation { get; set; }
    public string? MapUrl { get; set; }
    public string? EnglishName { get; set; }
    public string? EnglishIntro { get; set; }
    public List<LeaderInput> Leaders { get; set; } = [];

    public UnitProfileDraft ToDraft() => new(Functions, Organisation, MapUrl, EnglishName, EnglishIntro,
        Leaders.Take(UnitProfiles.MaxLeaders * 2).Select(l => new UnitLeaderDraft(l.Name, l.Position, l.Phone, l.Email)).ToList());

    public sealed class LeaderInput
    {
        public string? Name { get; set; }
        public string? Position { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }
}
