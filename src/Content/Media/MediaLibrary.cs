using System.Globalization;
using System.Text;
using CchcSite.Content.Data;
using CchcSite.Content.Outcomes;
using CchcSite.Content.Paging;
using CchcSite.Content.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Media;

/// <summary>A row of a unit's library.</summary>
public sealed record MediaLibraryItem(int Id, string FileName, string ContentType, long Length, string? AltText, int? Width, int? Height,
    DateTime CreatedAt, string? ThumbnailFileName)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
    public bool IsVideo => ContentType.StartsWith(MediaKinds.VideoPrefix, StringComparison.Ordinal);
    /// <summary>A file a post may attach: PDF, DOCX, XLSX (not an image, a video or a caption file).</summary>
    public bool IsDocument => ContentType.StartsWith(MediaKinds.DocumentPrefix, StringComparison.Ordinal);
}

/// <summary>
/// The kinds of library file by content type, the one test of which a post may attach as a file or play as its video
/// (queries use these prefixes, so they translate to SQL).
/// </summary>
public static class MediaKinds
{
    public const string VideoPrefix = "video/";
    /// <summary>PDF, DOCX and XLSX are the library's only application/ types (<see cref="AllowedFileTypes"/>).</summary>
    public const string DocumentPrefix = "application/";
}

/// <summary>
/// A unit's media library: checks an upload by its bytes, re-encodes images into their variants and stores
/// documents as they are. Whoever calls it has already asked the authorization table (EditorAction.Upload).
/// </summary>
public sealed class MediaLibrary(CchcDbContext db, IMediaStore store, MediaCleanup cleanup, VideoUploads uploads, IOptions<MediaLimits> limits,
    TimeProvider clock)
{
    public const string FileField = "File";
    public const string AltField = "AltText";
    public const int MaxAltLength = 300;

    private static readonly Dictionary<string, string[]> Extensions = new()
    {
        [FileSniffer.Jpeg] = [".jpg", ".jpeg"],
        [FileSniffer.Png] = [".png"],
        [FileSniffer.Gif] = [".gif"],
        [FileSniffer.WebP] = [".webp"],
        [FileSniffer.Pdf] = [".pdf"],
        [FileSniffer.Docx] = [".docx"],
        [FileSniffer.Xlsx] = [".xlsx"],
    };

    private const string AcceptedTypes = "Chỉ nhận ảnh JPEG, PNG, WebP, GIF, tệp PDF, DOCX, XLSX và video MP4, MOV, WebM.";

    /// <summary>The stored asset, or the Vietnamese reason it was refused under its form field.</summary>
    public async Task<Outcome<MediaAsset>> UploadAsync(int unitId, string? fileName, Stream content, string? altText, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0)
            return new Outcome<MediaAsset>.Invalid(FileField, "Vui lòng chọn tệp cần tải lên.");
        if (VideoUploads.IsVideoName(name))
            return await UploadVideoAsync(unitId, name, content, altText, ct);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var claimed = Extensions.FirstOrDefault(e => e.Value.Contains(extension)).Key;
        if (claimed is null)
            return new Outcome<MediaAsset>.Invalid(FileField, $"Không nhận tệp có đuôi \"{extension}\". {AcceptedTypes}");

        var isImage = claimed.StartsWith("image/", StringComparison.Ordinal);
        var max = isImage ? limits.Value.MaxImageBytes : limits.Value.MaxFileBytes;
        var bytes = await ReadAtMostAsync(content, max, ct);
        if (bytes is null)
            return new Outcome<MediaAsset>.Invalid(FileField, $"Tệp quá lớn. {(isImage ? "Ảnh" : "Tệp tài liệu")} tối đa {FormatSize(max)}.");
        if (bytes.Length == 0)
            return new Outcome<MediaAsset>.Invalid(FileField, "Tệp rỗng, không có nội dung.");

        // Said before the sniffer, which takes a package past the bounds for no Office file at all.
        if (claimed is FileSniffer.Docx or FileSniffer.Xlsx && OfficeFileCheck.Refusal(bytes) is { } refusal)
            return new Outcome<MediaAsset>.Invalid(FileField, refusal);
        var actual = FileSniffer.Detect(bytes);
        if (actual is null)
            return new Outcome<MediaAsset>.Invalid(FileField,
                $"Nội dung tệp không phải là {FileSniffer.DisplayName(claimed)} như đuôi \"{extension}\" cho biết. Tệp bị từ chối. {AcceptedTypes}");
        if (actual != claimed)
            return new Outcome<MediaAsset>.Invalid(FileField,
                $"Tệp có đuôi \"{extension}\" nhưng nội dung là {FileSniffer.DisplayName(actual)}. Vui lòng kiểm tra lại tệp.");

        var alt = altText?.Trim().Normalize(NormalizationForm.FormC);
        if (isImage && string.IsNullOrEmpty(alt))
            return new Outcome<MediaAsset>.Invalid(AltField, "Vui lòng nhập mô tả ảnh (văn bản thay thế) cho người không xem được ảnh.");
        if (alt is { Length: > MaxAltLength })
            return new Outcome<MediaAsset>.Invalid(AltField, $"Mô tả ảnh tối đa {MaxAltLength} ký tự.");

        MediaAsset asset;
        try
        {
            asset = isImage
                ? await AddImageAsync(unitId, name, bytes, actual, alt!, ct)
                : await AddFileAsync(unitId, name, bytes, actual, string.IsNullOrEmpty(alt) ? null : alt, ct);
        }
        catch (ImageRejectedException rejected)
        {
            return new Outcome<MediaAsset>.Invalid(FileField, rejected.Message);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The database refused the row: the files written for it belong to nothing, unless another asset has the same bytes.
            await cleanup.DeleteUnusedAsync([.. asset.Variants.Select(v => v.StoragePath), asset.StoragePath], CancellationToken.None);
            throw;
        }
        return new Outcome<MediaAsset>.Ok(asset);
    }

    /// <summary>
    /// A video sent whole in one form (within <see cref="MediaLimits.RequestCeiling"/>): the same checks and the same
    /// path to the disk as a video sent in parts, as one part.
    /// </summary>
    private async Task<Outcome<MediaAsset>> UploadVideoAsync(int unitId, string name, Stream content, string? title, CancellationToken ct)
    {
        if (!content.CanSeek)
            throw new ArgumentException("A video sent whole must come as a file of known length.", nameof(content));
        var created = await uploads.CreateAsync(unitId, null, name, content.Length, ct);
        if (created is not Outcome<UploadStatus>.Ok { Value: var upload })
            return created.Map<MediaAsset>(_ => null!);
        var appended = await uploads.AppendAsync(upload.Id, null, 0, content, ct);
        if (appended is not Outcome<UploadStatus>.Ok)
        {
            uploads.Delete(upload.Id);
            return appended.Map<MediaAsset>(_ => null!);
        }
        return await AddVideoAsync(upload.Id, null, title, ct);
    }

    /// <summary>
    /// Takes a finished upload into the unit's library: its bytes checked again, moved into the store under their
    /// content's name, and queued for transcoding in the same transaction as the asset.
    /// </summary>
    public async Task<Outcome<MediaAsset>> AddVideoAsync(Guid uploadId, string? ownerId, string? title, CancellationToken ct)
    {
        var taken = await uploads.TakeAsync(uploadId, ownerId, ct);
        if (taken is not Outcome<(string Path, string ContentType, UploadStatus Status)>.Ok { Value: var (path, contentType, upload) })
            return taken.Map<MediaAsset>(_ => null!);
        var alt = title?.Trim().Normalize(NormalizationForm.FormC);
        if (alt is { Length: > MaxAltLength })
            return new Outcome<MediaAsset>.Invalid(AltField, $"Tên hiển thị tối đa {MaxAltLength} ký tự.");
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        var stored = await store.AdoptAsync(path, extension, ct);
        var asset = new MediaAsset
        {
            UnitId = upload.UnitId, FileName = BaseName(upload.FileName) + extension, ContentType = contentType, Length = stored.Length,
            StoragePath = stored.StoragePath, AltText = string.IsNullOrEmpty(alt) ? null : alt, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MediaAssets.Add(asset);
        db.Add(new Videos.VideoTranscode { MediaAsset = asset, State = Videos.TranscodeState.Queued, QueuedAt = asset.CreatedAt });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await cleanup.DeleteUnusedAsync([asset.StoragePath], CancellationToken.None);
            throw;
        }
        return new Outcome<MediaAsset>.Ok(asset);
    }

    /// <summary>
    /// Re-encodes an image into every variant and adds the asset (not yet saved). The seed importer uses this too,
    /// so seeded covers have the same variants as uploaded ones.
    /// </summary>
    public Task<MediaAsset> AddImageAsync(int unitId, string fileName, byte[] bytes, string sourceType, string altText, CancellationToken ct) =>
        AddImageAsync(unitId, fileName, Encode(bytes, sourceType), altText, ct);

    /// <summary>Every variant of an image, as <see cref="AddImageAsync(int, string, byte[], string, string, CancellationToken)"/> makes them; touches no state.</summary>
    public IReadOnlyList<EncodedImage> Encode(byte[] bytes, string sourceType) => ImageEncoder.Encode(bytes, sourceType, limits.Value.MaxImagePixels);

    /// <summary>Adds the asset of an image <see cref="Encode"/>d already (not yet saved).</summary>
    public async Task<MediaAsset> AddImageAsync(int unitId, string fileName, IReadOnlyList<EncodedImage> encoded, string altText, CancellationToken ct)
    {
        // Its file, type and size are those of its full-size variant, set by ServeFromVariants.
        var asset = new MediaAsset
        {
            UnitId = unitId, FileName = "", ContentType = "", StoragePath = "", AltText = altText, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        ServeFromVariants(asset, await StoreVariantsAsync(fileName, encoded, ct));
        db.MediaAssets.Add(asset);
        return asset;
    }

    /// <summary>
    /// Adds an image of the seed as its file came, without variants (not yet saved): pages show it whole until
    /// <see cref="ServeFromVariants"/> gives it its variants, which the seed makes after the site's first answer. Never for
    /// an upload: only a re-encoded image leaves nothing of the sender's file but its pixels.
    /// </summary>
    public async Task<MediaAsset> AddSeedImageAsync(int unitId, string fileName, byte[] bytes, string sourceType, string altText, CancellationToken ct)
    {
        var (width, height, _) = ImageEncoder.ReadHeader(bytes, limits.Value.MaxImagePixels);
        var extension = Extensions[sourceType][0];
        var (path, length) = await store.SaveAsync(bytes, extension, ct);
        var asset = new MediaAsset
        {
            UnitId = unitId, FileName = BaseName(fileName) + extension, ContentType = sourceType, Length = length, StoragePath = path,
            AltText = altText, CreatedAt = clock.GetUtcNow().UtcDateTime, Width = width, Height = height,
        };
        db.MediaAssets.Add(asset);
        return asset;
    }

    /// <summary>
    /// Writes an image's encoded variants to the store, named after <paramref name="fileName"/>; touches no database
    /// state, so several images may be stored at once.
    /// </summary>
    public async Task<List<MediaVariant>> StoreVariantsAsync(string fileName, IReadOnlyList<EncodedImage> encoded, CancellationToken ct)
    {
        var baseName = BaseName(fileName);
        var variants = new List<MediaVariant>();
        foreach (var image in encoded)
        {
            var (path, length) = await store.SaveAsync(image.Bytes, image.Extension, ct);
            variants.Add(new MediaVariant
            {
                Size = image.Size, ContentType = image.ContentType, FileName = baseName + image.Extension,
                Width = image.Width, Height = image.Height, Length = length, StoragePath = path,
            });
        }
        return variants;
    }

    /// <summary>
    /// Gives an image its variants and serves it as its full-size variant in the fallback format, as an uploaded image is.
    /// Returns the file it was served from before, for <see cref="MediaCleanup"/> once the change has committed.
    /// </summary>
    public static string ServeFromVariants(MediaAsset asset, List<MediaVariant> variants)
    {
        var before = asset.StoragePath;
        var full = variants.First(v => v.Size == ImageSize.Full && v.ContentType != FileSniffer.WebP);
        (asset.FileName, asset.ContentType, asset.Length, asset.StoragePath, asset.Width, asset.Height) =
            (full.FileName, full.ContentType, full.Length, full.StoragePath, full.Width, full.Height);
        asset.Variants = variants;
        return before;
    }

    private async Task<MediaAsset> AddFileAsync(int unitId, string fileName, byte[] bytes, string contentType, string? title, CancellationToken ct)
    {
        var extension = Extensions[contentType][0];
        var (path, length) = await store.SaveAsync(bytes, extension, ct);
        var asset = new MediaAsset
        {
            UnitId = unitId, FileName = BaseName(fileName) + extension, ContentType = contentType, Length = length,
            StoragePath = path, AltText = title, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MediaAssets.Add(asset);
        return asset;
    }

    private static readonly System.Linq.Expressions.Expression<Func<MediaAsset, MediaLibraryItem>> ToItem =
        a => new MediaLibraryItem(a.Id, a.FileName, a.ContentType, a.Length, a.AltText, a.Width, a.Height, a.CreatedAt,
            a.Variants.Where(v => v.Size == ImageSize.Thumbnail && v.ContentType == a.ContentType).Select(v => v.FileName).FirstOrDefault());

    private IOrderedQueryable<MediaAsset> OfUnit(int unitId) =>
        db.MediaAssets.AsNoTracking().Where(a => a.UnitId == unitId).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);

    public Task<MediaAsset?> FindAsync(int id, CancellationToken ct) => db.MediaAssets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The unit's files, newest first.</summary>
    public Task<PagedResult<MediaLibraryItem>> ListAsync(int unitId, PageRequest page, CancellationToken ct) =>
        OfUnit(unitId).Select(ToItem).ToPageAsync(page, ct);

    /// <summary>One file of the library as its lists show it, e.g. just uploaded from a post form; null when there is none.</summary>
    public Task<MediaLibraryItem?> ItemAsync(int id, CancellationToken ct) =>
        db.MediaAssets.AsNoTracking().Where(a => a.Id == id).Select(ToItem).FirstOrDefaultAsync(ct);

    /// <summary>What a post form offers: the files already chosen, however old, and the newest others.</summary>
    public async Task<IReadOnlyList<MediaLibraryItem>> ChoicesAsync(int unitId, IReadOnlyCollection<int> chosen, CancellationToken ct)
    {
        var picked = await OfUnit(unitId).Where(a => chosen.Contains(a.Id)).Select(ToItem).ToListAsync(ct);
        var newest = await OfUnit(unitId).Where(a => !chosen.Contains(a.Id)).Take(PageRequest.MaxSize).Select(ToItem).ToListAsync(ct);
        return [.. picked, .. newest];
    }

    /// <summary>The stored path of an asset or one of its variants, for serving; null when there is none.</summary>
    public async Task<(MediaAsset Asset, string StoragePath, string ContentType)?> FindFileAsync(int id, ImageSize? size, string fileName, CancellationToken ct)
    {
        var asset = await db.MediaAssets.AsNoTracking().Include(a => a.Variants).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (asset is null)
            return null;
        if (size is null)
            return asset.FileName == fileName ? (asset, asset.StoragePath, asset.ContentType) : null;
        var variant = asset.Variants.FirstOrDefault(v => v.Size == size && v.FileName == fileName);
        return variant is null ? null : (asset, variant.StoragePath, variant.ContentType);
    }

    /// <summary>A readable, safe name: Vietnamese letters folded, no path, at most 80 characters.</summary>
    internal static string BaseName(string fileName)
    {
        var slug = Slug.From(Path.GetFileNameWithoutExtension(fileName));
        if (slug.Length > 80)
            slug = slug[..80].TrimEnd('-');
        return slug.Length == 0 ? "tep" : slug;
    }

    /// <summary>The whole stream, or null as soon as it is longer than <paramref name="max"/>: never more than that is held.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => $"{bytes} byte",
    };
}
