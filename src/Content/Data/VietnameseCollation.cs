using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcSite.Content.Data;

/// <summary>
/// The order of Vietnamese names ("Đ" after "D", tones after the bare letter) for columns sorted by name. PostgreSQL
/// has it from ICU (<see cref="PostgresContentContext"/>); SQLite knows only binary order, so the same ICU order is
/// registered on every SQLite connection by name.
/// </summary>
public static class VietnameseCollation
{
    public const string Name = "vi";

    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>ICU's order, ties broken by code point so that the order is total, as PostgreSQL's deterministic collation does.</summary>
    public static int Compare(string? x, string? y)
    {
        var order = Vietnamese.Compare(x, y, CompareOptions.None);
        return order != 0 ? order : string.CompareOrdinal(x, y);
    }

    /// <summary>
    /// Registers the collation on a connection, and .NET's lower case mapping as lower() in place of SQLite's, which maps
    /// ASCII letters only (see <see cref="TypedText"/>); Microsoft.Data.Sqlite applies both again whenever the connection opens.
    /// </summary>
    public static void AddTo(SqliteConnection connection)
    {
        connection.CreateCollation(Name, Compare);
        connection.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
    }
}

/// <summary>Gives every SQLite connection EF Core creates the Vietnamese collation before it is first opened.</summary>
internal sealed class SqliteVietnameseCollation : DbConnectionInterceptor
{
    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        if (result is SqliteConnection sqlite)
            VietnameseCollation.AddTo(sqlite);
        return result;
    }
}
