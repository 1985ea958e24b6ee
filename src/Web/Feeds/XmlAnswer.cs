using System.Text;
using System.Xml;

namespace CchcSite.Web.Feeds;

/// <summary>
/// An XML document written into memory first (the syndication writers are synchronous, and the server allows no
/// synchronous writes to the response), then sent as UTF-8. <see cref="Value"/> is what it shows, so that the public
/// cache tags it like any other answer.
/// </summary>
internal sealed class XmlAnswer(string mediaType, object shown, Action<XmlWriter> write) : IResult, IValueHttpResult
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    public object? Value => shown;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
            write(writer);
        httpContext.Response.ContentType = mediaType + "; charset=utf-8";
        httpContext.Response.ContentLength = buffer.Length;
        await httpContext.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
    }
}
