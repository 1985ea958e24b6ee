using System.Net;
using System.Net.Sockets;

namespace CchcSite.Web.Hosting;

/// <summary>
/// The key by which rate limits count a client. Forwarded headers (from configured proxies only) have already
/// replaced the connection's address by then. An IPv6 client holds a whole /64 (one home or phone gets one), so it
/// is counted by that prefix; otherwise a new address per request would escape every limit.
/// </summary>
public static class ClientAddress
{
    public static string PartitionKey(HttpContext? context) => PartitionKey(context?.Connection.RemoteIpAddress);

    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
