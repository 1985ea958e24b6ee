using CchcSite.Content.Accounts;
using CchcSite.Content.Contests;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Posts;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record ContestsAdminPage(IReadOnlyList<ContestListRow> Contests);

/// <summary>The question import: a refused file's messages by line, or the dry run's account with the file to apply.</summary>
public sealed record ContestImportPanel(IReadOnlyDictionary<string, string[]> Errors, ContestQuestionImportSummary? Preview, PreviewedUpload? File)
{
    public static readonly ContestImportPanel Empty = new(new Dictionary<string, string[]>(), null, null);
}

/// <summary>The contest form: new (<see cref="Id"/> null) or an existing contest with its questions, its review state and the steps the user may take.</summary>
public sealed record ContestFormPage(int? Id, string? Slug, string UnitSlug, ContestInput Input, IReadOnlyList<UnitRef> Units,
    IReadOnlyList<ContestQuestionRow> Questions, int Entries)
{
    public ContestImportPanel Import { get; init; } = ContestImportPanel.Empty;
    public ContestStatus Status { get; init; } = ContestStatus.Draft;
    public string? ReviewNote { get; init; }
    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];
    /// <summary>Whether the user runs the contest (<see cref="EditorAction.ManageContests"/>): its entries, and corrections once its questions are fixed.</summary>
    public bool Organiser { get; init; }

    /// <summary>See <see cref="ContestEditView.Editable"/>; a new contest is a draft.</summary>
    public bool Editable { get; init; } = true;
    /// <summary>See <see cref="ContestEditView.QuestionsLocked"/>.</summary>
    public bool QuestionsLocked { get; init; }

    /// <summary>The rows of the rounds' table: the contest's rounds and two blank ones to add more.</summary>
    public IReadOnlyList<RoundInput> RoundRows => [.. Input.Rounds, new RoundInput(), new RoundInput()];
}

/// <summary>The organisers' view of a contest's submitted entries, by round, with their contact details.</summary>
public sealed record ContestEntriesPage(int ContestId, string ContestTitle, IReadOnlyList<OrganiserEntry> Entries);

/// <summary>The question form; <see cref="Locked"/> when entries allow only a correction.</summary>
public sealed record ContestQuestionPage(int ContestId, string ContestTitle, int? QuestionId, ContestQuestionInput Input, bool Locked);

/// <summary>
/// Contests in the editor area (/quan-tri/hoi-thi): the unit's editors and approvers prepare a draft contest, its rounds and its
/// question bank, and submit it (<see cref="EditorAction.PrepareContests"/>); another approver publishes it or returns it, and
/// approvers run it: entries, exports, disqualifications, corrections (<see cref="EditorAction.ManageContests"/>). The right is
/// asked on every request; the review's rules are <see cref="ContestWorkflow"/>'s. Once published or entered, a question can
/// only be corrected, which rescores the submitted papers (<see cref="ContestEditing"/>).
/// </summary>
public sealed class ContestsAdminController(ContestEditing editing, ContestQuestionImport import, ContestOrganising organising, UnitDirectory units,
    CurrentEditor editor) : EditorController
{
    public const string Base = "/quan-tri/hoi-thi";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.PrepareContests);
        if (allowed is { Count: 0 })
            return Forbid();
        return View("Index", new ContestsAdminPage(await editing.ListAsync(allowed, ct)));
    }

    [HttpGet(Base + "/moi")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var managed = await UnitsAllowingAsync(EditorAction.PrepareContests, ct);
        if (managed.Count == 0)
            return Forbid();
        var input = new ContestInput { Audience = nameof(ContestAudience.Everyone), QuestionsPerAttempt = "10", TimeLimitMinutes = "10", AttemptsPerRound = "1" };
        return View("Form", new ContestFormPage(null, null, managed[0].Slug, input, managed, [], 0));
    }

    [HttpPost(Base + "/moi")]
    public async Task<IActionResult> Create([FromForm(Name = "don-vi")] string? donVi, ContestInput input, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } owner)
            return NotFound();
        if (!await MayAsync(owner.Unit.Id, EditorAction.PrepareContests))
            return Forbid();
        return await FormOutcomeAsync(await editing.SaveAsync(null, owner.Unit.Id, input, editor.Actor, ct),
            id => Saved($"{Base}/{id}", "Đã tạo hội thi. Hãy thêm câu hỏi cho hội thi."),
            async () => View("Form", new ContestFormPage(null, null, owner.Unit.Slug, input, await UnitsAllowingAsync(EditorAction.PrepareContests, ct), [], 0)));
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.PrepareContests);
        return view is null ? refusal! : await FormAsync(view, view.Input, ct);
    }

    [HttpPost(Base + "/{id:int}")]
    public async Task<IActionResult> Update([FromRoute] int id, ContestInput input, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.PrepareContests);
        if (view is null)
            return refusal!;
        return await FormOutcomeAsync(await editing.SaveAsync(id, view.UnitId, input, editor.Actor, ct),
            _ => Saved($"{Base}/{id}", "Đã lưu hội thi."), () => FormAsync(view, input, ct));
    }

    [HttpGet(Base + "/{id:int}/cau-hoi/moi")]
    public async Task<IActionResult> NewQuestion([FromRoute] int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.PrepareContests);
        if (view is null)
            return refusal!;
        if (view.QuestionsLocked)
            return Saved($"{Base}/{id}", ContestEditing.Locked);
        return QuestionForm(view, null, new ContestQuestionInput { Kind = "SingleChoice" });
    }

    [HttpPost(Base + "/{id:int}/cau-hoi/moi")]
    public Task<IActionResult> CreateQuestion([FromRoute] int id, ContestQuestionInput input, CancellationToken ct) => SaveQuestionAsync(id, null, input, ct);

    [HttpGet(Base + "/{id:int}/cau-hoi/{question:int}")]
    public async Task<IActionResult> EditQuestion([FromRoute] int id, [FromRoute] int question, CancellationToken ct)
    {
        var (view, refusal) = await QuestionsAuthorizedAsync(id, ct);
        if (view is null)
            return refusal!;
        return await editing.QuestionAsync(id, question, ct) is { } input ? QuestionForm(view, question, input) : NotFound();
    }

    [HttpPost(Base + "/{id:int}/cau-hoi/{question:int}")]
    public Task<IActionResult> UpdateQuestion([FromRoute] int id, [FromRoute] int question, ContestQuestionInput input, CancellationToken ct) =>
        SaveQuestionAsync(id, question, input, ct);

    [HttpPost(Base + "/{id:int}/cau-hoi/{question:int}/xoa")]
    public async Task<IActionResult> DeleteQuestion([FromRoute] int id, [FromRoute] int question, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.PrepareContests);
        if (view is null)
            return refusal!;
        return MessageOutcome(await editing.DeleteQuestionAsync(id, question, editor.Actor, ct), $"{Base}/{id}#cau-hoi", _ => "Đã xóa câu hỏi.");
    }

    /// <summary>Questions from a CSV or XLSX file: a new file is looked at first; only the file that was looked at is applied, all or nothing.</summary>
    [HttpPost(Base + "/{id:int}/nhap")]
    [RequestSizeLimit(PreviewedUpload.MaxRequestBytes)]
    public async Task<IActionResult> Import([FromRoute] int id, IFormFile? tep, [FromForm(Name = "noi-dung")] string? noiDung,
        [FromForm(Name = "ten-tep")] string? tenTep, [FromForm(Name = "ap-dung")] bool apDung, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.PrepareContests);
        if (view is null)
            return refusal!;
        var (upload, problem) = await PreviewedUpload.ReadAsync(tep, apDung, noiDung, tenTep, ct);
        if (upload is null)
            return await ImportPageAsync(view, new ContestImportPanel(new Dictionary<string, string[]> { [""] = [problem!] }, null, null), ct);
        using var stream = new MemoryStream(upload.Content, writable: false);
        var outcome = await import.ImportAsync(id, stream, upload.FileName, upload.DryRun, editor.Actor, ct);
        return outcome switch
        {
            Outcome<ContestQuestionImportSummary>.Invalid invalid => await ImportPageAsync(view, new ContestImportPanel(invalid.Errors, null, upload), ct),
            Outcome<ContestQuestionImportSummary>.Ok { Value.DryRun: true } preview =>
                await FormAsync(view, view.Input, ct, new ContestImportPanel(new Dictionary<string, string[]>(), preview.Value, upload)),
            _ => MessageOutcome(outcome, $"{Base}/{id}#cau-hoi", s => $"Đã nhập {s.Questions.Count} câu hỏi từ tệp {upload.FileName}."),
        };
    }

    /// <summary>A review step: submit, publish, return with a comment, back to draft. A refusal by the rules is the form again (422) with the reason.</summary>
    [HttpPost(Base + "/{id:int}/buoc/{step}")]
    public async Task<IActionResult> Step([FromRoute] int id, [FromRoute] WorkflowStep step, [FromForm] string? note, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, ContestWorkflow.ActionFor(step));
        if (view is null)
            return refusal!;
        return await FormOutcomeAsync(await editing.StepAsync(id, step, await editor.GrantsAsync(), editor.Actor, note, ct),
            status => Saved($"{Base}/{id}", StepDone(step)), () => FormAsync(view, view.Input, ct));
    }

    private static string StepDone(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit => "Đã trình duyệt hội thi. Lãnh đạo đơn vị sẽ kiểm tra và công bố hoặc trả lại.",
        WorkflowStep.Publish => "Đã công bố hội thi trên trang Hội thi.",
        WorkflowStep.SendBack => "Đã trả lại hội thi để sửa, kèm nhận xét.",
        _ => "Hội thi đã về bản nháp và không còn trên trang Hội thi.",
    };

    [HttpGet(Base + "/mau-nhap.csv")]
    public IActionResult CsvTemplate() => File(ContestQuestionImport.CsvTemplate(), "text/csv; charset=utf-8", "mau-cau-hoi-hoi-thi.csv");

    [HttpGet(Base + "/mau-nhap.xlsx")]
    public IActionResult XlsxTemplate() => File(ContestQuestionImport.XlsxTemplate(), TableTemplate.XlsxContentType, "mau-cau-hoi-hoi-thi.xlsx");

    [HttpGet(Base + "/{id:int}/bai-thi")]
    public async Task<IActionResult> Entries([FromRoute] int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageContests);
        if (view is null)
            return refusal!;
        return View("Entries", new ContestEntriesPage(id, view.Input.Title ?? "", await organising.EntriesAsync(id, ct)));
    }

    /// <summary>Every submitted entry with full contact details, for awarding prizes: CSV (UTF-8) or XLSX.</summary>
    [HttpGet(Base + "/{id:int}/bai-thi.{format:regex(^(csv|xlsx)$)}")]
    public async Task<IActionResult> Export([FromRoute] int id, [FromRoute] string format, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageContests);
        if (view is null)
            return refusal!;
        var rows = ContestOrganising.ExportRows(await organising.EntriesAsync(id, ct));
        return format == "csv"
            ? File(TableTemplate.Csv(ContestOrganising.ExportColumns, rows), "text/csv; charset=utf-8", $"bai-thi-{view.Slug}.csv")
            : File(TableTemplate.Xlsx(ContestOrganising.ExportColumns, "Bài thi", rows), TableTemplate.XlsxContentType, $"bai-thi-{view.Slug}.xlsx");
    }

    [HttpPost(Base + "/{id:int}/bai-thi/{attempt:int}/loai")]
    public async Task<IActionResult> Disqualify([FromRoute] int id, [FromRoute] int attempt, [FromForm(Name = "ly-do")] string? lyDo, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageContests);
        if (view is null)
            return refusal!;
        return MessageOutcome(await organising.DisqualifyAsync(id, attempt, lyDo, editor.Actor, ct), $"{Base}/{id}/bai-thi",
            _ => "Đã loại bài thi; bảng xếp hạng không còn tính bài này.");
    }

    private Task<IActionResult> ImportPageAsync(ContestEditView view, ContestImportPanel panel, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return FormAsync(view, view.Input, ct, panel);
    }

    /// <summary>
    /// The contest, when the user may change its questions: preparing a draft's bank, or correcting a fixed one — a decision
    /// about published papers, taken by those who run the contest.
    /// </summary>
    private async Task<(ContestEditView? View, IActionResult? Refusal)> QuestionsAuthorizedAsync(int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.PrepareContests);
        if (view is { QuestionsLocked: true } && !await MayAsync(view.UnitId, EditorAction.ManageContests))
            return (null, Forbid());
        return (view, refusal);
    }

    private async Task<IActionResult> SaveQuestionAsync(int id, int? question, ContestQuestionInput input, CancellationToken ct)
    {
        var (view, refusal) = await QuestionsAuthorizedAsync(id, ct);
        if (view is null)
            return refusal!;
        return await FormOutcomeAsync(await editing.SaveQuestionAsync(id, question, input, editor.Actor, ct),
            _ => Saved($"{Base}/{id}#cau-hoi", view.QuestionsLocked ? "Đã đính chính câu hỏi và tính lại điểm các bài đã nộp." : "Đã lưu câu hỏi."),
            () => Task.FromResult<IActionResult>(QuestionForm(view, question, input)));
    }

    private ViewResult QuestionForm(ContestEditView view, int? question, ContestQuestionInput input) =>
        View("Question", new ContestQuestionPage(view.Id, view.Input.Title ?? "", question, input, view.QuestionsLocked));

    private async Task<IActionResult> FormAsync(ContestEditView view, ContestInput input, CancellationToken ct, ContestImportPanel? import = null)
    {
        var owner = (await units.FindAsync(view.UnitId, ct))?.Unit.Slug ?? "";
        return View("Form", new ContestFormPage(view.Id, view.Slug, owner, input, await UnitsAllowingAsync(EditorAction.PrepareContests, ct), view.Questions, view.Entries)
        {
            Import = import ?? ContestImportPanel.Empty,
            Status = view.Status,
            Editable = view.Editable,
            QuestionsLocked = view.QuestionsLocked,
            ReviewNote = view.ReviewNote,
            Steps = await editing.StepsAsync(view.Id, await editor.GrantsAsync(), ct),
            Organiser = await MayAsync(view.UnitId, EditorAction.ManageContests),
        });
    }
}
