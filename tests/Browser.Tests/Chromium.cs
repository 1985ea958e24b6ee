namespace CchcSite.Browser.Tests;

/// <summary>
/// The browser is Debian's chromium from PATH: the machines have no internet, so Playwright's own
/// browser download can never run. Its absence is a failure, never a skip, so a green run always
/// means the pages were really tested in a browser.
/// </summary>
internal static class Chromium
{
    /// <summary>Flags for a headless run in a container with no network beyond the test server.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // Without these chromium keeps trying to reach Google's services, which are not there.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>The path `command -v chromium` would print.</summary>
    public static string FindOnPath()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate) && IsExecutable(candidate))
                return candidate;
        }
        throw new InvalidOperationException(
            "The browser tests need Debian's chromium, and `chromium` is not on PATH. " +
            "Run the whole suite with `bash scripts/test.sh`, which installs it " +
            "(apt-get install --no-install-recommends chromium fonts-dejavu-core). Never run `playwright install`: " +
            "the machines have no internet.");
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() ||
        (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
