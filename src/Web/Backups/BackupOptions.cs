namespace CchcSite.Web.Backups;

/// <summary>How backups reach the database's own tools. Bound from the "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// The folder holding <c>pg_dump</c> and <c>pg_restore</c> (e.g. /usr/lib/postgresql/17/bin); unset, they are looked
    /// for on PATH, then in the newest /usr/lib/postgresql/*/bin. Their major version must be at least the server's.
    /// </summary>
    public string? PostgresBinPath { get; set; }
}
