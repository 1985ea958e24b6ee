namespace CchcSite.Content.Questionnaires;

/// <summary>
/// The kinds of question a questionnaire asks. Contests use the two choice kinds only (they are scored); surveys use them
/// all, so the answer of each kind is stored the same way everywhere: the chosen option ids for the choice kinds (a matrix
/// row is a question of its own grouped by <see cref="QuestionnaireQuestion.Group"/>), a number, or text.
/// </summary>
public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    /// <summary>A rating from 1 to 5.</summary>
    Scale,
    Number,
    ShortText,
    LongText,
}

public static class QuestionKinds
{
    public static bool HasOptions(this QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    public const int MinOptions = 2;
    public const int MaxOptions = 6;
}
