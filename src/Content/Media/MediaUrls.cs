namespace CchcSite.Content.Media;

public static class MediaUrls
{
    public const string Prefix = "/tep";

    public static string For(MediaAsset asset) => For(asset.Id, asset.FileName);

    public static string For(int id, string fileName) => $"{Prefix}/{id}/{Uri.EscapeDataString(fileName)}";

    /// <summary>One variant of an image: /tep/{id}/{nho|vua|lon}/{file}.</summary>
    public static string For(int id, ImageSize size, string fileName) => $"{Prefix}/{id}/{size.Segment()}/{Uri.EscapeDataString(fileName)}";

    /// <summary>One transcoded rendition of a video: /tep/{id}/{720}p/{file}.</summary>
    public static string For(int id, int height, string fileName) => $"{Prefix}/{id}/{height}p/{Uri.EscapeDataString(fileName)}";
}
