namespace CchcSite.Content.Media;

public static class MediaUrls
{
    public const string Prefix = "/tep";

    public static string For(MediaAsset asset) => For(asset.Id, asset.FileName);

    public static string For(int id, string fileName) => $"{Prefix}/{id}/{Uri.EscapeDataString(fileName)}";
}
