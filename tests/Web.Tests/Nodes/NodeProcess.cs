using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CchcSite.Web.Tests.Editor;

namespace CchcSite.Web.Tests.Nodes;

/// <summary>
/// A web node as an operator runs it: <c>dotnet CchcSite.Web.dll</c> built with the solution, in a process of its own
/// that a test can <see cref="Kill"/> (SIGKILL: no shutdown code runs) and start again on the same data.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private NodeProcess(Process process, Uri origin)
    {
        _process = process;
        Origin = origin;
    }

    public Uri Origin { get; }

    public static NodeProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var origin = new Uri($"http://127.0.0.1:{port}");
        var web = WebProjectOutput();
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the project folder, as in the README's command: the seed and the theme are found from it.
            WorkingDirectory = Path.GetFullPath(Path.Combine(web, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(web, "CchcSite.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(origin.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Site__PublicUrl"] = origin.ToString().TrimEnd('/');
        start.Environment["CCHC_ADMIN_EMAIL"] = EditorSite.AdminEmail;
        start.Environment["CCHC_ADMIN_PASSWORD"] = EditorSite.Password;
        start.Environment["Editor__LoginAttemptsPerMinute"] = "1000";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var node = new NodeProcess(process, origin);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until <c>/healthz/ready</c> answers 200; fails with the node's last output if it exits or takes too long.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Origin, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The node was not ready after {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs, uncommitted work is lost.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public string Output => string.Join('\n', _output.TakeLast(60));

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 200)
            _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/Web/bin/{configuration}/net10.0 of this checkout, built in the configuration these tests were built in.</summary>
    private static string WebProjectOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CchcSite.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException($"No CchcSite.sln above {AppContext.BaseDirectory}.");
        var output = Path.Combine(root.FullName, "src", "Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(output, "CchcSite.Web.dll"))
            ? output
            : throw new InvalidOperationException($"{output}/CchcSite.Web.dll is missing: build the solution (dotnet build CchcSite.sln -c {configuration}).");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }
}
