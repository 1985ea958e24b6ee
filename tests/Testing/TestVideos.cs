using System.Diagnostics;

namespace CchcSite.Testing;

/// <summary>
/// Small real clips made with Debian's ffmpeg (scripts/test.sh installs it): a test pattern with a tone, carrying the
/// kind of metadata a phone writes (place, device) that transcoding must drop. Made once per size and reused.
/// </summary>
public static class TestVideos
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "cchc-test-videos");
    private static readonly SemaphoreSlim Making = new(1, 1);

    /// <summary>The path of an MP4 of <paramref name="seconds"/> seconds at <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static async Task<string> Mp4Async(int seconds = 3, int width = 1280, int height = 720)
    {
        var path = Path.Combine(Folder, $"clip-{seconds}s-{width}x{height}.mp4");
        await Making.WaitAsync();
        try
        {
            if (File.Exists(path))
                return path;
            Directory.CreateDirectory(Folder);
            var temporary = path + ".tmp.mp4";
            await RunAsync("ffmpeg", "-nostdin", "-y", "-loglevel", "error",
                "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={seconds}",
                "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                "-metadata", "location=+21.0285+105.8542/", "-metadata", "com.apple.quicktime.model=iPhone 13",
                "-metadata", "title=Ghi hình tại Bộ phận một cửa", temporary);
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            Making.Release();
        }
    }

    /// <summary>What ffprobe says of a file, as JSON (format and streams).</summary>
    public static Task<string> ProbeAsync(string path) =>
        RunAsync("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
