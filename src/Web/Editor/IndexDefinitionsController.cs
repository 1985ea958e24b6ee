using CchcSite.Content.Indexes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record IndexDefinitionsPage(IReadOnlyList<IndexDefinitionRow> Indexes);

/// <summary>
/// The index form: <see cref="Code"/> null for a new index; the components as written (blank rows kept in place, so a message
/// for "Components[2].Code" sits on the third row) and up to three empty rows to add more, within the limit.
/// </summary>
public sealed record IndexDefinitionFormPage(string? Code, IndexDefinitionDraft Draft)
{
    private static readonly IndexComponentDraft Blank = new(null, null, null, null, null);

    public IReadOnlyList<IndexComponentDraft> ComponentRows =>
        [.. Draft.Components, .. Enumerable.Repeat(Blank, Math.Clamp(IndexDefinitions.MaxComponents - Draft.Components.Count, 0, 3))];
}

/// <summary>Administrators keep the catalogue of reform indexes: add an index, rename it, change its scale and its components by year.</summary>
[Authorize(Policy = EditorPolicies.Administrator)]
public sealed class IndexDefinitionsController(IndexDefinitions definitions, CurrentEditor editor) : EditorController
{
    public const string Base = "/quan-tri/danh-muc-chi-so";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", new IndexDefinitionsPage(await definitions.ListAsync(ct)));

    [HttpGet(Base + "/them")]
    public IActionResult Add() =>
        View("Form", new IndexDefinitionFormPage(null, new IndexDefinitionDraft(null, null, null, IndexScale.Points, "100", true, [])));

    [HttpPost(Base + "/them")]
    public async Task<IActionResult> Add(IndexDefinitionInput input, CancellationToken ct)
    {
        var draft = input.ToDraft();
        return await FormOutcomeAsync(await definitions.AddAsync(draft, editor.Actor, ct), Saved("Đã thêm chỉ số. Có thể nhập kết quả của chỉ số này ngay."),
            () => Task.FromResult<IActionResult>(View("Form", new IndexDefinitionFormPage(null, draft))));
    }

    [HttpGet(Base + "/{code}")]
    public async Task<IActionResult> Edit(string code, CancellationToken ct) =>
        await definitions.FindAsync(code, ct) is { } index ? View("Form", new IndexDefinitionFormPage(index.Code, IndexDefinitionDraft.Of(index))) : NotFound();

    [HttpPost(Base + "/{code}")]
    public async Task<IActionResult> Edit(string code, IndexDefinitionInput input, CancellationToken ct)
    {
        var draft = input.ToDraft() with { Code = code.ToUpperInvariant() };
        return await FormOutcomeAsync(await definitions.SaveAsync(code, draft, editor.Actor, ct), Saved("Đã lưu chỉ số."),
            () => Task.FromResult<IActionResult>(View("Form", new IndexDefinitionFormPage(draft.Code, draft))));
    }

    private Func<string, IActionResult> Saved(string message) => code => Saved($"{Base}/{code}", message);
}

/// <summary>The form as posted; components come as Components[0].Code, Components[0].Name, … rows.</summary>
public sealed class IndexDefinitionInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Assessor { get; set; }
    public IndexScale Scale { get; set; }
    public string? MaxScore { get; set; }
    public bool HigherIsBetter { get; set; } = true;
    public List<ComponentInput> Components { get; set; } = [];

    public IndexDefinitionDraft ToDraft() => new(Code, Name, Assessor, Scale, MaxScore, HigherIsBetter,
        Components.Take(IndexDefinitions.MaxComponents * 2).Select(c => new IndexComponentDraft(c.Code, c.Name, c.MaxScore, c.FromYear, c.ToYear)).ToList());

    public sealed class ComponentInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? MaxScore { get; set; }
        public string? FromYear { get; set; }
        public string? ToYear { get; set; }
    }
}
