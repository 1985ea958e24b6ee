using CchcSite.Content.Audit;
using CchcSite.Content.Data;
using CchcSite.Content.Imports;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Contests;

/// <summary>One question of the file as it would be added.</summary>
public sealed record ImportedQuestion(int Line, string Text, QuestionKind Kind, int Options, string Correct);

public sealed record ContestQuestionImportSummary(bool DryRun, IReadOnlyList<ImportedQuestion> Questions);

/// <summary>
/// Adds questions to a contest's bank from a CSV or XLSX file read by the one reader (<see cref="TableFile"/>): one row per
/// question, options in the columns A–F, the correct ones as letters. Each row is checked by the same rules as the question
/// form (<see cref="ContestEditing.QuestionProblems"/>); a dry run stores nothing, an import stores every row or none. A bank
/// of a contest in review, published or already drawn from takes no new question. The caller has checked <see cref="Accounts.EditorAction.PrepareContests"/>.
/// </summary>
public sealed class ContestQuestionImport(CchcDbContext db, ContestEditing editing, AuditLog audit, IOptions<TableLimits> limits)
{
    public const string TextColumn = "Câu hỏi";
    public const string KindColumn = "Loại";
    public const string CorrectColumn = "Đáp án đúng";
    public const string ExplanationColumn = "Giải thích và nguồn";
    public const string MultipleChoice = "Nhiều đáp án";

    private static readonly string[] Letters = [.. Enumerable.Range(0, QuestionKinds.MaxOptions).Select(i => ((char)('A' + i)).ToString())];

    public static readonly IReadOnlyList<string> Columns =
        [TextColumn, KindColumn, .. Letters.Select(l => $"Phương án {l}"), CorrectColumn, ExplanationColumn];

    private static readonly TableLayout Layout = new(Columns.Select(c => new TableField(c, Required: c is TextColumn or CorrectColumn or ExplanationColumn
        || c == "Phương án A" || c == "Phương án B")).ToList());

    private static readonly IReadOnlyList<string?> Example =
        ["Bộ phận nào tiếp nhận hồ sơ thủ tục hành chính của người dân?", "Một đáp án", "Bộ phận Một cửa", "Văn thư", "Phòng Tài chính", "", "", "", "A",
            "Theo Nghị định 61/2018/NĐ-CP, Điều 3."];

    public static byte[] CsvTemplate() => TableTemplate.Csv(Columns, [Example]);

    public static byte[] XlsxTemplate() => TableTemplate.Xlsx(Columns, "Câu hỏi", [Example]);

    public async Task<Outcome<ContestQuestionImportSummary>> ImportAsync(int contestId, Stream file, string fileName, bool dryRun, Actor actor, CancellationToken ct)
    {
        var contest = await db.Contests.SingleOrDefaultAsync(c => c.Id == contestId, ct);
        if (contest is null)
            return new Outcome<ContestQuestionImportSummary>.NotFound("Không tìm thấy hội thi.");
        if (contest.Status == ContestStatus.InReview)
            return new Outcome<ContestQuestionImportSummary>.Refused(ContestWorkflow.NotEditable(contest.Status)!);
        if (await editing.QuestionsFixedAsync(contest, ct))
            return new Outcome<ContestQuestionImportSummary>.Refused(ContestEditing.Locked);
        var read = TableFile.Read(file, fileName, Layout with { Limits = limits.Value }, ToQuestion);
        if (!read.IsValid)
            return Outcome<ContestQuestionImportSummary>.Invalid.Of(read.Errors.OrderBy(e => e.Line)
                .Select(e => KeyValuePair.Create(e.Key, e.Message)));
        if (read.Rows.Count == 0)
            return new Outcome<ContestQuestionImportSummary>.Invalid("", "Tệp không có câu hỏi nào.");

        var summary = new ContestQuestionImportSummary(dryRun, [.. read.Rows.Select(r => new ImportedQuestion(r.Line, r.Value.Input.Text!.Trim(), r.Value.Kind,
            r.Value.Options.Count, string.Join(", ", r.Value.Input.Correct.Order().Select(i => Letters[i]))))]);
        if (dryRun)
            return new Outcome<ContestQuestionImportSummary>.Ok(summary);

        var last = await db.ContestQuestions.Where(q => q.ContestId == contestId).MaxAsync(q => (int?)q.Order, ct) ?? 0;
        foreach (var (row, i) in read.Rows.Select((r, i) => (r, i)))
        {
            var question = new ContestQuestion { ContestId = contestId, Order = last + i + 1 };
            ContestEditing.Fill(question, row.Value.Input, row.Value.Kind, row.Value.Options);
            db.ContestQuestions.Add(question);
        }
        contest.LastEditorId = actor.UserId;
        audit.Record(actor, AuditActions.ContestQuestionSaved, $"Nhập {read.Rows.Count} câu hỏi vào hội thi “{contest.Title}” từ {fileName}.",
            nameof(Contest), contestId.ToString(System.Globalization.CultureInfo.InvariantCulture), contest.UnitId);
        // One save: every question and the audit entry, or nothing.
        await db.SaveChangesAsync(ct);
        return new Outcome<ContestQuestionImportSummary>.Ok(summary);
    }

    private sealed record ReadQuestion(ContestQuestionInput Input, QuestionKind Kind, List<string> Options);

    private static ReadQuestion ToQuestion(TableRow row)
    {
        var correct = new List<int>();
        foreach (var letter in (row.Text(CorrectColumn) ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var index = Array.IndexOf(Letters, letter.Trim().ToUpperInvariant());
            if (index < 0)
                row.Fail(CorrectColumn, $"Cột \"{CorrectColumn}\": \"{TableRow.Shorten(letter)}\" không phải là phương án; ghi chữ cái của phương án đúng, ví dụ: A hoặc A, C.");
            else
                correct.Add(index);
        }
        var kind = string.Equals(row.Text(KindColumn), MultipleChoice, StringComparison.OrdinalIgnoreCase) ? QuestionKind.MultipleChoice : QuestionKind.SingleChoice;
        var input = new ContestQuestionInput
        {
            Text = row.Text(TextColumn), Kind = kind.ToString(), Options = [.. Letters.Select(l => row.Text($"Phương án {l}"))], Correct = correct,
            Explanation = row.Text(ExplanationColumn),
        };
        var problems = ContestEditing.QuestionProblems(input, out _, out var options);
        foreach (var (field, message) in problems)
        {
            var column = field switch { "Text" => TextColumn, "Correct" => CorrectColumn, "Explanation" => ExplanationColumn, "Kind" => KindColumn, _ => "Phương án A–F" };
            row.Fail(column, $"Cột \"{column}\": {message}");
        }
        return new ReadQuestion(input, kind, options);
    }
}
