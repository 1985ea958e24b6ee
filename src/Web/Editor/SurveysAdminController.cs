using CchcSite.Content.Accounts;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Surveys;
using CchcSite.Content.Units;
using Microsoft.AspNetCore.Mvc;

namespace CchcSite.Web.Editor;

public sealed record SurveysAdminPage(IReadOnlyList<SurveyListRow> Surveys);

public sealed record SurveyNewPage(IReadOnlyList<UnitRef> Units, string UnitSlug, string? Template);

/// <summary>The survey's page in the editor: its details form, its questions, and what can be done with it in its state.</summary>
public sealed record SurveyEditPage(SurveyEditView Survey, SurveyInput Input);

/// <summary>The question form; the options of earlier choice questions are the conditions it can be shown after.</summary>
public sealed record SurveyQuestionPage(int SurveyId, string SurveyTitle, int? QuestionId, SurveyQuestionInput Input, IReadOnlyList<SurveyQuestionRow> Earlier,
    IReadOnlyList<string> Sections);

/// <summary>The matrix form: a prompt, its statements one a line, the shared scale's end labels.</summary>
public sealed record SurveyMatrixPage(int SurveyId, string SurveyTitle, SurveyMatrixInput Input, IReadOnlyList<string> Sections);

/// <summary>The officers' results page; <paramref name="Sipas"/> is the SIPAS save form's offer, for a SIPAS-style survey and a user who may save it.</summary>
public sealed record SurveyResultsAdminPage(SurveyResultsView Results, SipasOffer? Sipas);

/// <summary>
/// Surveys in the editor area (/quan-tri/khao-sat): the unit's approvers and administrators create a survey from a template,
/// edit it and its questions until the first response, open and close it, read the results and publish them
/// (<see cref="EditorAction.ManageSurveys"/>, asked on every request).
/// </summary>
public sealed class SurveysAdminController(SurveyEditing editing, SurveyResults results, SurveySipasResults sipas, UnitDirectory units, CurrentEditor editor)
    : EditorController
{
    public const string Base = "/quan-tri/khao-sat";

    [HttpGet(Base)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var allowed = Permissions.UnitsAllowing(await editor.GrantsAsync(), EditorAction.ManageSurveys);
        if (allowed is { Count: 0 })
            return Forbid();
        return View("Index", new SurveysAdminPage(await editing.ListAsync(allowed, ct)));
    }

    [HttpGet(Base + "/moi")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        var managed = await UnitsAllowingAsync(EditorAction.ManageSurveys, ct);
        return managed.Count == 0 ? Forbid() : View("New", new SurveyNewPage(managed, managed[0].Slug, null));
    }

    [HttpPost(Base + "/moi")]
    public async Task<IActionResult> Create([FromForm(Name = "don-vi")] string? donVi, [FromForm(Name = "mau")] string? mau, CancellationToken ct)
    {
        if (await units.FindAsync(donVi ?? "", ct) is not { } owner)
            return NotFound();
        if (!await MayAsync(owner.Unit.Id, EditorAction.ManageSurveys))
            return Forbid();
        var outcome = Enum.TryParse<SurveyTemplate>(mau, out var template)
            ? await editing.CreateAsync(owner.Unit.Id, template, editor.Actor, ct)
            : new Outcome<int>.Invalid("mau", "Vui lòng chọn một mẫu khảo sát.");
        return await FormOutcomeAsync(outcome, id => Saved($"{Base}/{id}", "Đã tạo khảo sát từ mẫu. Hãy xem lại câu hỏi, ngày mở, ngày đóng rồi mở khảo sát."),
            async () => View("New", new SurveyNewPage(await UnitsAllowingAsync(EditorAction.ManageSurveys, ct), owner.Unit.Slug, mau)));
    }

    [HttpGet(Base + "/{id:int}")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        return view is null ? refusal! : View("Form", new SurveyEditPage(view, view.Input));
    }

    [HttpPost(Base + "/{id:int}")]
    public async Task<IActionResult> Update([FromRoute] int id, SurveyInput input, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        return await FormOutcomeAsync(await editing.SaveAsync(id, input, editor.Actor, ct), _ => Saved($"{Base}/{id}", "Đã lưu khảo sát."),
            () => Task.FromResult<IActionResult>(View("Form", new SurveyEditPage(view, input))));
    }

    /// <summary>Open, close, publish or withdraw the results: the button names the state it moves to.</summary>
    [HttpPost(Base + "/{id:int}/trang-thai")]
    public async Task<IActionResult> ChangeState([FromRoute] int id, [FromForm(Name = "chuyen")] string? chuyen, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        Outcome<SurveyState> outcome = Enum.TryParse<SurveyState>(chuyen, out var to) && Enum.IsDefined(to)
            ? await editing.ChangeStateAsync(id, to, editor.Actor, ct)
            : new Outcome<SurveyState>.Refused("Thao tác không hợp lệ.");
        return MessageOutcome(outcome, $"{Base}/{id}", state => state switch
        {
            SurveyState.Open => "Đã mở khảo sát: người dân trả lời được tại địa chỉ công khai và mã QR.",
            SurveyState.Closed when view.State == SurveyState.Published => "Đã thôi công bố kết quả khảo sát.",
            SurveyState.Closed => "Đã đóng khảo sát: không nhận thêm ý kiến.",
            _ => "Đã công bố kết quả khảo sát trên trang công khai.",
        });
    }

    [HttpGet(Base + "/{id:int}/cau-hoi/moi")]
    public async Task<IActionResult> NewQuestion([FromRoute] int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        if (view.QuestionsLocked)
            return Saved($"{Base}/{id}#cau-hoi", SurveyEditing.Locked);
        return QuestionForm(view, null, new SurveyQuestionInput { Kind = "SingleChoice", Required = true, Section = view.Questions.LastOrDefault()?.Section });
    }

    [HttpPost(Base + "/{id:int}/cau-hoi/moi")]
    public Task<IActionResult> CreateQuestion([FromRoute] int id, SurveyQuestionInput input, CancellationToken ct) => SaveQuestionAsync(id, null, input, ct);

    [HttpGet(Base + "/{id:int}/ma-tran/moi")]
    public async Task<IActionResult> NewMatrix([FromRoute] int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        if (view.QuestionsLocked)
            return Saved($"{Base}/{id}#cau-hoi", SurveyEditing.Locked);
        return MatrixForm(view, new SurveyMatrixInput { Section = view.Questions.LastOrDefault()?.Section });
    }

    [HttpPost(Base + "/{id:int}/ma-tran/moi")]
    public async Task<IActionResult> CreateMatrix([FromRoute] int id, SurveyMatrixInput input, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        var outcome = await editing.AddMatrixAsync(id, input, editor.Actor, ct);
        if (outcome is Outcome<int>.Refused locked)
            return Saved($"{Base}/{id}#cau-hoi", locked.Reason);
        return await FormOutcomeAsync(outcome, _ => Saved($"{Base}/{id}#cau-hoi", "Đã thêm ma trận: mỗi nội dung là một câu hỏi thang điểm, hiện cùng một bảng."),
            () => Task.FromResult<IActionResult>(MatrixForm(view, input)));
    }

    [HttpGet(Base + "/{id:int}/cau-hoi/{question:int}")]
    public async Task<IActionResult> EditQuestion([FromRoute] int id, [FromRoute] int question, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        if (view.QuestionsLocked)
            return Saved($"{Base}/{id}#cau-hoi", SurveyEditing.Locked);
        return await editing.QuestionAsync(id, question, ct) is { } input ? QuestionForm(view, question, input) : NotFound();
    }

    [HttpPost(Base + "/{id:int}/cau-hoi/{question:int}")]
    public Task<IActionResult> UpdateQuestion([FromRoute] int id, [FromRoute] int question, SurveyQuestionInput input, CancellationToken ct) =>
        SaveQuestionAsync(id, question, input, ct);

    [HttpPost(Base + "/{id:int}/cau-hoi/{question:int}/xoa")]
    public async Task<IActionResult> DeleteQuestion([FromRoute] int id, [FromRoute] int question, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        return MessageOutcome(await editing.DeleteQuestionAsync(id, question, editor.Actor, ct), $"{Base}/{id}#cau-hoi", _ => "Đã xóa câu hỏi.");
    }

    [HttpGet(Base + "/{id:int}/ket-qua")]
    public async Task<IActionResult> Results([FromRoute] int id, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(results.ReadAsync(id, withTexts: true, ct), v => v.UnitId, EditorAction.ManageSurveys);
        return view is null ? refusal! : await ResultsPageAsync(view, ct);
    }

    /// <summary>
    /// Saves a closed SIPAS-style survey's overall satisfaction as the unit's SIPAS result of the year it closed
    /// (<see cref="EditorAction.SaveSurveySipasResult"/>); replacing the unit's result for that year needs "thay-the" ticked.
    /// </summary>
    [HttpPost(Base + "/{id:int}/ket-qua/sipas")]
    public async Task<IActionResult> SaveSipas([FromRoute] int id, [FromForm(Name = SurveySipasResults.ReplaceField)] bool replace, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(results.ReadAsync(id, withTexts: true, ct), v => v.UnitId, EditorAction.SaveSurveySipasResult);
        if (view is null)
            return refusal!;
        return await FormOutcomeAsync(await sipas.SaveAsync(id, replace, editor.Actor, ct),
            _ => Saved($"{Base}/{id}/ket-qua#sipas", "Đã lưu mức độ hài lòng chung của khảo sát làm kết quả SIPAS của đơn vị; trang Chỉ số CCHC công khai đã hiện kết quả này."),
            () => ResultsPageAsync(view, ct));
    }

    private async Task<IActionResult> ResultsPageAsync(SurveyResultsView view, CancellationToken ct) =>
        View("Results", new SurveyResultsAdminPage(view,
            await MayAsync(view.UnitId, EditorAction.SaveSurveySipasResult) ? await sipas.OfferAsync(view, ct) : null));

    /// <summary>Publishes or withdraws one free-text answer ("cong-bo" true or false), back to its question on the results page.</summary>
    [HttpPost(Base + "/{id:int}/y-kien/{response:int}/{question:int}")]
    public async Task<IActionResult> PublishText([FromRoute] int id, [FromRoute] int response, [FromRoute] int question,
        [FromForm(Name = "cong-bo")] bool congBo, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        return MessageOutcome(await editing.PublishTextAsync(id, response, question, congBo, editor.Actor, ct), $"{Base}/{id}/ket-qua#kq-cau-{question}",
            published => published
                ? "Đã công bố ý kiến: trang kết quả công khai hiện ý kiến này (không kèm tên người viết) khi kết quả khảo sát được công bố."
                : "Đã bỏ công bố ý kiến.");
    }

    /// <summary>The results page's figures as a table: CSV (UTF-8) or XLSX, the same rows the page shows, never a response.</summary>
    [HttpGet(Base + "/{id:int}/ket-qua.{format:regex(^(csv|xlsx)$)}")]
    public async Task<IActionResult> Export([FromRoute] int id, [FromRoute] string format, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(results.ReadAsync(id, withTexts: false, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        var rows = SurveyResults.ExportRows(view);
        return format == "csv"
            ? File(TableTemplate.Csv(SurveyResults.ExportColumns, rows), "text/csv; charset=utf-8", $"ket-qua-{view.Slug}.csv")
            : File(TableTemplate.Xlsx(SurveyResults.ExportColumns, "Kết quả khảo sát", rows), TableTemplate.XlsxContentType, $"ket-qua-{view.Slug}.xlsx");
    }

    /// <summary>The responses themselves, one row each, free text included: for the unit's officers only, like this page.</summary>
    [HttpGet(Base + "/{id:int}/y-kien.{format:regex(^(csv|xlsx)$)}")]
    public async Task<IActionResult> ExportResponses([FromRoute] int id, [FromRoute] string format, CancellationToken ct)
    {
        var (table, refusal) = await AuthorizedAsync(results.ResponsesAsync(id, ct), t => t.UnitId, EditorAction.ManageSurveys);
        if (table is null)
            return refusal!;
        return format == "csv"
            ? File(TableTemplate.Csv(table.Columns, table.Rows), "text/csv; charset=utf-8", $"y-kien-{table.Slug}.csv")
            : File(TableTemplate.Xlsx(table.Columns, "Phiếu trả lời", table.Rows), TableTemplate.XlsxContentType, $"y-kien-{table.Slug}.xlsx");
    }

    private async Task<IActionResult> SaveQuestionAsync(int id, int? question, SurveyQuestionInput input, CancellationToken ct)
    {
        var (view, refusal) = await AuthorizedAsync(editing.FindAsync(id, ct), v => v.UnitId, EditorAction.ManageSurveys);
        if (view is null)
            return refusal!;
        var outcome = await editing.SaveQuestionAsync(id, question, input, editor.Actor, ct);
        if (outcome is Outcome<int>.Refused locked)
            return Saved($"{Base}/{id}#cau-hoi", locked.Reason);
        return await FormOutcomeAsync(outcome, _ => Saved($"{Base}/{id}#cau-hoi", "Đã lưu câu hỏi."),
            () => Task.FromResult<IActionResult>(QuestionForm(view, question, input)));
    }

    private ViewResult QuestionForm(SurveyEditView view, int? question, SurveyQuestionInput input) =>
        View("Question", new SurveyQuestionPage(view.Id, view.Input.Title ?? "", question, input,
            [.. view.Questions.TakeWhile(q => q.Id != question)], SectionsOf(view)));

    private ViewResult MatrixForm(SurveyEditView view, SurveyMatrixInput input) =>
        View("Matrix", new SurveyMatrixPage(view.Id, view.Input.Title ?? "", input, SectionsOf(view)));

    private static IReadOnlyList<string> SectionsOf(SurveyEditView view) => [.. view.Questions.Select(q => q.Section).Where(s => s.Length > 0).Distinct()];


}
