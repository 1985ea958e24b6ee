namespace CchcSite.Web.Backups;

/// <summary>Why a backup or restore stopped, in Vietnamese for the operator who ran it.</summary>
public sealed class BackupFailure(string message) : Exception(message);
