using System.Diagnostics;
using CchcSite.Testing;

namespace CchcSite.Web.Tests;

/// <summary>The built site (the dll beside the tests) started as a process of its own, as an operator runs it.</summary>
public static class SiteProcess
{
    /// <summary>Starts the site with <paramref name="args"/> on the data of <paramref name="dataDirectory"/>, output redirected.</summary>
    public static Process Start(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var all = new Dictionary<string, string?>(SiteFactory.DatabaseSettings(dataDirectory))
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Site:PublicUrl"] = "http://localhost",
            ["Site:MediaPath"] = Path.Combine(dataDirectory, "media"),
            ["Search:IndexPath"] = Path.Combine(dataDirectory, "search-index"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        foreach (var (key, value) in all.Where(s => s.Value is not null))
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Process.Start(start)!;
    }
}
