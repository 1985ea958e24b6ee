using CchcSite.Web.Tests.Editor;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CchcSite.Web.Tests.Nodes;

/// <summary>One web node of a site on a real Kestrel loopback port, on the shared database and media folder.</summary>
public sealed class NodeSite : EditorSite
{
    private readonly SharedDatabase _shared;
    private readonly string _node;

    public NodeSite(SharedDatabase shared, string node)
    {
        _shared = shared;
        _node = node;
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://"));
        Origin = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
    }

    public Uri Origin { get; }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            foreach (var (key, value) in _shared.NodeSettings(_node))
                settings[key] = value;
            return settings;
        }
    }
}
