using CchcSite.Content;
using CchcSite.Content.Data;

namespace CchcSite.Web.Backups;

public static class BackupServices
{
    public const string BackupCommand = "--backup";
    public const string RestoreCommand = "--restore";

    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddSettings<BackupOptions>(BackupOptions.Section);
        services.AddSingleton<IDatabaseCopy>(provider => provider.GetRequiredService<ContentDatabase>().Provider == DatabaseProvider.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresDatabaseCopy>(provider)
            : ActivatorUtilities.CreateInstance<SqliteDatabaseCopy>(provider));
        services.AddSingleton<SiteBackup>();
        services.AddSingleton<SiteRestore>();
        return services;
    }

    /// <summary>
    /// Runs <c>--backup DIR</c> or <c>--restore DIR</c> when the command line asks for one, printing progress and, on
    /// failure, the reason in Vietnamese; returns the process's exit code, or null when neither was asked for.
    /// </summary>
    public static async Task<int?> RunBackupCommandAsync(this IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var index = Array.FindIndex(args, a => a is BackupCommand or RestoreCommand);
        if (index < 0)
            return null;
        var command = args[index];
        if (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            errors.WriteLine($"Lỗi: thiếu thư mục sau {command} (ví dụ: {command} /var/backups/cchc/2024-06-30).");
            return 2;
        }
        try
        {
            if (command == BackupCommand)
                await services.GetRequiredService<SiteBackup>().RunAsync(args[index + 1], output, CancellationToken.None);
            else
                await services.GetRequiredService<SiteRestore>().RunAsync(args[index + 1], output, CancellationToken.None);
            return 0;
        }
        catch (BackupFailure failure)
        {
            errors.WriteLine($"Lỗi: {failure.Message}");
            return 1;
        }
    }
}
