using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcSite.Content.Tests;

/// <summary>Counts the reads of one table a context makes: how a test sees that a kept value spared the database.</summary>
public sealed class TableQueryCounter(string table) : DbCommandInterceptor
{
    private readonly string _from = $"FROM \"{table}\"";

    public int Count { get; private set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(_from, StringComparison.Ordinal))
            Count++;
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
