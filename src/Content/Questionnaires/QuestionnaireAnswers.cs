using System.Globalization;

namespace CchcSite.Content.Questionnaires;

/// <summary>
/// What a respondent sent for one question, as the form sends it: the chosen option ids of a choice question, or the raw
/// text of a scale, number or text question (kept as typed, so a refused form shows it again).
/// </summary>
public sealed record QuestionnaireAnswer(IReadOnlyList<int> Chosen, string? Text)
{
    public static readonly QuestionnaireAnswer Empty = new([], null);

    /// <summary>Whether nothing was answered, for a question of this kind (a choice question reads only the options, the others only the text).</summary>
    public bool IsEmptyFor(QuestionKind kind) => kind.HasOptions() ? Chosen.Count == 0 : string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// A question shown only after a given answer to an earlier question: it is asked when the earlier question's chosen
/// options include <see cref="OptionId"/>.
/// </summary>
public sealed record QuestionCondition(int QuestionId, int OptionId);

/// <summary>What a question needs to check an answer: the shape's fields, its option ids and its condition.</summary>
public sealed record AnswerableQuestion(int Id, QuestionKind Kind, bool Required, IReadOnlySet<int> OptionIds, QuestionCondition? ShownWhen);

/// <summary>
/// The rules of answering, the same for every questionnaire: which questions are shown (conditions), which must be
/// answered, and what each kind accepts. A question hidden by its condition is never required and its answer is dropped,
/// whatever the page's script did, so a respondent without script gets the same result as one with it.
/// </summary>
public static class QuestionnaireAnswers
{
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;
    public const int MaxShortText = 300;
    public const int MaxLongText = 4000;
    public const string RequiredMessage = "Vui lòng trả lời câu hỏi này.";

    /// <summary>
    /// The questions shown for these answers, in the order given: a conditional question is shown when the question it
    /// depends on is itself shown and its answer includes the option. Conditions point to earlier questions only
    /// (<see cref="ConditionProblem"/>), so one pass decides.
    /// </summary>
    public static IReadOnlySet<int> Shown(IReadOnlyList<AnswerableQuestion> questions, IReadOnlyDictionary<int, QuestionnaireAnswer> answers)
    {
        var shown = new HashSet<int>();
        foreach (var question in questions)
            if (question.ShownWhen is not { } when
                || (shown.Contains(when.QuestionId) && answers.TryGetValue(when.QuestionId, out var earlier) && earlier.Chosen.Contains(when.OptionId)))
                shown.Add(question.Id);
        return shown;
    }

    /// <summary>Why a condition cannot be kept, in Vietnamese; null when it points to an option of an earlier choice question.</summary>
    public static string? ConditionProblem(IReadOnlyList<AnswerableQuestion> questions, int index)
    {
        if (questions[index].ShownWhen is not { } when)
            return null;
        var earlier = questions.Take(index).FirstOrDefault(q => q.Id == when.QuestionId);
        if (earlier is null || !earlier.Kind.HasOptions())
            return "Câu hỏi có điều kiện phải dựa vào một câu hỏi lựa chọn đứng trước nó.";
        return earlier.OptionIds.Contains(when.OptionId) ? null : "Phương án điều kiện không thuộc câu hỏi được chọn.";
    }

    /// <summary>
    /// Checks the answers: Vietnamese messages by question id (empty when all is well) and the answers kept, those of shown
    /// questions only, normalised (options distinct and ordered, text trimmed).
    /// </summary>
    public static (IReadOnlyDictionary<int, string> Errors, IReadOnlyDictionary<int, QuestionnaireAnswer> Kept) Check(
        IReadOnlyList<AnswerableQuestion> questions, IReadOnlyDictionary<int, QuestionnaireAnswer> answers)
    {
        var shown = Shown(questions, answers);
        var errors = new Dictionary<int, string>();
        var kept = new Dictionary<int, QuestionnaireAnswer>();
        foreach (var question in questions.Where(q => shown.Contains(q.Id)))
        {
            var answer = answers.GetValueOrDefault(question.Id) ?? QuestionnaireAnswer.Empty;
            if (answer.IsEmptyFor(question.Kind))
            {
                if (question.Required)
                    errors[question.Id] = RequiredMessage;
                continue;
            }
            if (Problem(question, answer) is { } problem)
                errors[question.Id] = problem;
            else
                kept[question.Id] = question.Kind.HasOptions()
                    ? new QuestionnaireAnswer([.. answer.Chosen.Distinct().Order()], null)
                    : new QuestionnaireAnswer([], answer.Text!.Trim());
        }
        return (errors, kept);
    }

    /// <summary>The 1–5 rating or the number of a checked answer.</summary>
    public static decimal? NumberOf(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Problem(AnswerableQuestion question, QuestionnaireAnswer answer) => question.Kind switch
    {
        QuestionKind.SingleChoice when answer.Chosen.Distinct().Count() > 1 => "Câu hỏi này chỉ chọn một phương án.",
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice when !answer.Chosen.All(question.OptionIds.Contains) =>
            "Phương án trả lời không thuộc câu hỏi này.",
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => null,
        QuestionKind.Scale when NumberOf(answer.Text) is not { } v || v != decimal.Truncate(v) || v < ScaleMin || v > ScaleMax =>
            $"Vui lòng chọn một mức từ {ScaleMin} đến {ScaleMax}.",
        QuestionKind.Number when NumberOf(answer.Text) is not { } n || Math.Abs(n) > 1_000_000_000 => "Vui lòng nhập một số, ví dụ 12 hoặc 3,5.",
        QuestionKind.ShortText when answer.Text!.Trim().Length > MaxShortText => $"Câu trả lời dài quá {MaxShortText} ký tự.",
        QuestionKind.LongText when answer.Text!.Trim().Length > MaxLongText => $"Câu trả lời dài quá {MaxLongText} ký tự.",
        _ => null,
    };
}
