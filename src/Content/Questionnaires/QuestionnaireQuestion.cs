namespace CchcSite.Content.Questionnaires;

/// <summary>
/// What every questionnaire's question has, whatever asks it (a contest, a survey): the text, its kind, its place and
/// whether it must be answered. Each capability maps its own table from a subclass and adds what only it needs (a
/// contest the correct options and the explanation), so the shape and its rules are written once.
/// </summary>
public abstract class QuestionnaireQuestion
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public QuestionKind Kind { get; set; }
    /// <summary>The place in the questionnaire (a contest shuffles it per attempt).</summary>
    public int Order { get; set; }
    public bool Required { get; set; } = true;
    /// <summary>Questions sharing a group are shown together: the rows of a survey's matrix; null for a question on its own.</summary>
    public string? Group { get; set; }
}

/// <summary>One option of a choice question.</summary>
public abstract class QuestionnaireOption
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public int Order { get; set; }
}

/// <summary>The rules of the shape, the same for every questionnaire.</summary>
public static class QuestionnaireRules
{
    public const int MaxTextLength = 1000;

    /// <summary>Vietnamese messages for what is wrong with a question's text and options; empty when it is well formed.</summary>
    public static IEnumerable<string> Problems(QuestionKind kind, string? text, IReadOnlyList<string> options)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield return "Câu hỏi chưa có nội dung.";
        else if (text.Length > MaxTextLength)
            yield return $"Câu hỏi dài quá {MaxTextLength} ký tự.";
        if (kind.HasOptions())
        {
            if (options.Count is < QuestionKinds.MinOptions or > QuestionKinds.MaxOptions)
                yield return $"Câu hỏi lựa chọn cần từ {QuestionKinds.MinOptions} đến {QuestionKinds.MaxOptions} phương án.";
            if (options.Any(string.IsNullOrWhiteSpace))
                yield return "Có phương án trả lời để trống.";
            else if (options.Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
                yield return "Hai phương án trả lời trùng nhau.";
        }
        else if (options.Count > 0)
            yield return "Loại câu hỏi này không có phương án trả lời.";
    }
}
