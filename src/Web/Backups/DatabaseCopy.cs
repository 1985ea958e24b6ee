namespace CchcSite.Web.Backups;

/// <summary>A consistent copy of the site's database in one file, made and restored by the provider's own means.</summary>
public interface IDatabaseCopy
{
    /// <summary>The copy's name in the backup folder.</summary>
    string FileName { get; }

    /// <summary>Writes the copy while the site may be running: what it holds is one committed state.</summary>
    Task BackupAsync(string file, CancellationToken ct);

    /// <summary>How many tables the site's database has: a restore goes only into one that has none.</summary>
    Task<int> CountTablesAsync(CancellationToken ct);

    Task RestoreAsync(string file, CancellationToken ct);
}
