using System.Globalization;

namespace CchcSite.Content.Indexes;

/// <summary>
/// The rules of a result's figures, the same for a row of an imported file and for the one-by-one form: the score within the
/// index's scale, a rank from 1 and no greater than the number ranked, each component within its own maximum.
/// </summary>
public static class IndexFigures
{
    /// <summary>The field a message is about: <see cref="Score"/>, <see cref="Rank"/>, <see cref="RankedOf"/>, or a component's code.</summary>
    public const string Score = nameof(Score), Rank = nameof(Rank), RankedOf = nameof(RankedOf);

    public static IEnumerable<(string Field, string Message)> Check(IndexDefinition index, decimal? score, int? rank, int? rankedOf,
        IEnumerable<(IndexComponent Component, decimal Score)> components)
    {
        var max = index.Scale == IndexScale.Percent ? 100 : index.MaxScore;
        if (score is { } s && (s < 0 || (max is { } m && s > m)))
            yield return (Score, $"Điểm phải từ 0 đến {IndexRanking.Format(max ?? 0)}.");
        if (rank is < 1)
            yield return (Rank, "Xếp hạng phải từ 1 trở lên.");
        if (rankedOf is < 1 || (rank is not null && rankedOf is not null && rank > rankedOf))
            yield return (RankedOf, "Số đơn vị xếp hạng phải từ 1 và không nhỏ hơn thứ hạng.");
        foreach (var (component, value) in components)
            if (value < 0 || (component.MaxScore is { } componentMax && value > componentMax))
                yield return (component.Code, $"\"{component.Name}\": điểm phải từ 0 đến {IndexRanking.Format(component.MaxScore ?? 100)}.");
    }

    /// <summary>A number as a person types it, with the Vietnamese decimal comma ("85,25") or a point; null when it is not one.</summary>
    public static decimal? Parse(string text) =>
        decimal.TryParse(text.Contains('.') ? text : text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
