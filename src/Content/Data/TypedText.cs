using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CchcSite.Content.Data;

/// <summary>
/// The one way a list is filtered by text a person typed (a title, an account name): the column contains the text,
/// whatever the case, for Vietnamese letters as for ASCII ("đề án" finds "Đề án"), and the same on both providers.
/// Neither provider's LIKE will do: SQLite's ignores the case of ASCII letters only, PostgreSQL's of none. So both sides
/// are lowered: the typed text here, the column by the database's lower() over the Vietnamese collation, which is ICU's
/// case mapping on PostgreSQL whatever the database's locale, and .NET's on SQLite (<see cref="VietnameseCollation"/>
/// registers it as lower() on each connection).
/// </summary>
public static class TypedText
{
    private static readonly Expression<Func<string?, string, bool>> ContainsFolded =
        (column, folded) => EF.Functions.Collate(column, VietnameseCollation.Name)!.ToLower().Contains(folded);

    /// <summary>Lower case, in composed form (as the site stores text) so that a decomposed "ề" typed on some keyboards matches.</summary>
    public static string Fold(string typed) => typed.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>Rows whose <paramref name="column"/> contains <paramref name="typed"/> in any case, or that match <paramref name="orElse"/>.</summary>
    public static IQueryable<T> WhereContains<T>(this IQueryable<T> query, Expression<Func<T, string?>> column, string typed,
        Expression<Func<T, bool>>? orElse = null)
    {
        var folded = Fold(typed);
        // A closure rather than a constant, so that EF Core sends the text as a parameter, as for a captured variable.
        Expression<Func<string>> parameter = () => folded;
        var row = column.Parameters[0];
        var body = new ReplacingExpressionVisitor([ContainsFolded.Parameters[0], ContainsFolded.Parameters[1]], [column.Body, parameter.Body])
            .Visit(ContainsFolded.Body);
        if (orElse is not null)
            body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(orElse.Parameters[0], row, orElse.Body));
        return query.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }
}
