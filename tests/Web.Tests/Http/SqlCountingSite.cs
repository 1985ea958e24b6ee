using System.Collections.Concurrent;
using System.Data.Common;
using CchcSite.Content.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Http;

/// <summary>
/// A seeded site that counts the SQL statements each request sends: a request carrying <see cref="Header"/> gets a record
/// of its own (flowing with its async calls), which the test reads by that header's value after the answer: how many
/// statements, and each statement with its parameters (to ask the database how it would run them).
/// </summary>
public sealed class SqlCountingSite : SiteFactory
{
    public const string Header = "X-Count-Sql";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<SentStatement>> _sent = new();
    private static readonly AsyncLocal<ConcurrentQueue<SentStatement>?> Current = new();

    public int CountOf(string id) => _sent[id].Count;

    public IReadOnlyList<SentStatement> StatementsOf(string id) => _sent[id].ToList();

    public sealed record SentStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var counter = new CommandCounter();
            services.ConfigureDbContext<SqliteContentContext>(options => options.AddInterceptors(counter));
            services.ConfigureDbContext<PostgresContentContext>(options => options.AddInterceptors(counter));
            services.AddSingleton<IStartupFilter>(new CountingStartup(this));
        });
    }

    private sealed class CountingStartup(SqlCountingSite site) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers[Header].ToString() is { Length: > 0 } id)
                    Current.Value = site._sent.GetOrAdd(id, _ => new ConcurrentQueue<SentStatement>());
                await following(context);
            });
            next(app);
        };
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private static void Record(DbCommand command) =>
            Current.Value?.Enqueue(new SentStatement(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
    }
}
