using System.Text;
using CchcSite.Content.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Content.Tests.Databases;

/// <summary>
/// The site starts on each provider's compiled model (Data/CompiledModels), which nothing regenerates by itself: a model
/// change without `scripts/compiled-models.sh` would have the site read and write by a stale model while migrations,
/// built from the code, make the new schema. So the compiled model must equal the one the code builds.
/// </summary>
public class CompiledModelTests
{
    private const string Regenerate = "run scripts/compiled-models.sh (it regenerates src/Content/Data/CompiledModels for both providers)";

    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_site_runs_on_a_compiled_model_equal_to_the_model_the_code_builds(DatabaseProvider provider)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        // Neither context reaches its database here: reading a model opens no connection.
        var database = provider == DatabaseProvider.Sqlite
            ? ContentDatabase.Sqlite(connection)
            : ContentDatabase.Postgres("Host=127.0.0.1;Database=never-opened");
        await using var services = new ServiceCollection().AddLogging().AddCchcContent(database).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();

        var compiled = db.Model;
        // A compiled model cannot serve design time, so EF Core builds this one from the configurations, as migrations do.
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.True(compiled is RuntimeModel && compiled.GetType().Namespace!.StartsWith("CchcSite.Content.Data.CompiledModels."),
            $"The {provider} context does not run on its compiled model (ContentDatabase's UseModel).");
        var (compiledText, builtText) = (Describe(compiled), Describe(built));
        Assert.True(compiledText == builtText,
            $"The compiled {provider} model differs from the model the code builds: {Regenerate}.\n{FirstDifference(compiledText, builtText)}");
    }

    /// <summary>
    /// What the schema comparison does not see: entity and complex types, properties with their CLR types and value
    /// converters, keys, indexes, relationships, navigations, owned types and query filters.
    /// </summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder(model.ToDebugString(MetadataDebugStringOptions.ShortDefault)).AppendLine()
            .AppendLine(model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault));
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{entity.Name} filters: {string.Join(", ", entity.GetDeclaredQueryFilters().Select(f => $"{f.Key}={f.Expression}"))}");
            foreach (var property in entity.GetFlattenedProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
                text.AppendLine($"{entity.Name}.{property.Name}: {property.ClrType} {property.GetTypeMapping().Converter?.GetType()} " +
                                $"{property.GetProviderClrType()} {property.GetColumnName()} {property.GetMaxLength()} {property.ValueGenerated}");
        }
        return text.ToString();
    }

    private static string FirstDifference(string compiled, string built)
    {
        var compiledLines = compiled.Split('\n');
        var builtLines = built.Split('\n');
        var line = Enumerable.Range(0, Math.Min(compiledLines.Length, builtLines.Length)).FirstOrDefault(i => compiledLines[i] != builtLines[i], -1);
        return line < 0
            ? $"the compiled model has {compiledLines.Length} lines of description, the code's {builtLines.Length}"
            : $"compiled: {compiledLines[line].Trim()}\ncode:     {builtLines[line].Trim()}";
    }
}
