namespace CchcSite.Content.Media;

/// <summary>The file types the portal stores and serves, by extension. Anything else is refused.</summary>
public static class AllowedFileTypes
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".mov"] = "video/quicktime",
        [".vtt"] = "text/vtt",
    };

    public static bool TryGetContentType(string fileName, out string contentType) =>
        ContentTypes.TryGetValue(Path.GetExtension(fileName), out contentType!);
}
