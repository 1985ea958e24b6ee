using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CchcSite.Testing;

/// <summary>
/// Counts the reads of one table the contexts it is added to make: how a test sees that a kept value spared the database,
/// or that a read happened. Counted atomically: a site's contexts read on several threads.
/// </summary>
public sealed class TableQueryCounter(string table) : DbCommandInterceptor
{
    private readonly string _from = $"FROM \"{table}\"";

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(_from, StringComparison.Ordinal))
            Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
