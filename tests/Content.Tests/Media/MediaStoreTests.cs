using System.Security.Cryptography;
using System.Text;
using CchcSite.Content.Media;

namespace CchcSite.Content.Tests.Media;

/// <summary>The local-folder store as several nodes share it: names from the content, files visible only when whole.</summary>
public sealed class MediaStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cchc-store-").FullName;
    private readonly MediaStore _store;

    public MediaStoreTests() => _store = new MediaStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] FilesOnDisk => Directory.GetFiles(_root, "*", SearchOption.AllDirectories);

    [Fact]
    public async Task The_same_bytes_stored_twice_are_one_file_named_after_their_hash()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 Kế hoạch cải cách hành chính năm 2024");
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var first = await _store.SaveAsync(bytes, ".PDF", CancellationToken.None);
        var second = await _store.SaveAsync(new MemoryStream(bytes), ".pdf", CancellationToken.None);
        var other = await _store.SaveAsync([.. bytes, 0x0A], ".pdf", CancellationToken.None);

        Assert.Equal($"{hash[..2]}/{hash[2..4]}/{hash}.pdf", first.StoragePath);
        Assert.Equal(first, second);
        Assert.Equal(bytes.LongLength, first.Length);
        Assert.NotEqual(first.StoragePath, other.StoragePath);
        Assert.Equal(new[] { first.StoragePath, other.StoragePath }.Order(StringComparer.Ordinal), _store.List());
        Assert.Equal(2, FilesOnDisk.Length);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(_store.FullPath(first.StoragePath)));
    }

    [Fact]
    public async Task A_file_being_written_is_not_listed_and_a_failed_one_leaves_nothing()
    {
        var halfway = new TaskCompletionSource();
        var resume = new TaskCompletionSource();
        var slow = new PausingStream(new byte[200_000], halfway, resume.Task);
        var saving = _store.SaveAsync(slow, ".mp4", CancellationToken.None);

        await halfway.Task;
        Assert.Empty(_store.List());
        Assert.Single(FilesOnDisk); // the temporary file, under a name no reader asks for
        resume.SetResult();
        var stored = await saving;
        Assert.Equal([stored.StoragePath], _store.List());
        Assert.Single(FilesOnDisk);

        var broken = new PausingStream(new byte[200_000], new TaskCompletionSource(), Task.FromException(new IOException("the upload was cut")));
        await Assert.ThrowsAsync<IOException>(() => _store.SaveAsync(broken, ".mp4", CancellationToken.None));
        Assert.Equal([stored.StoragePath], _store.List());
        Assert.Single(FilesOnDisk);
    }

    [Fact]
    public async Task Paths_of_older_sites_are_read_listed_and_restored()
    {
        var legacy = $"2022/06/{Guid.NewGuid():N}.jpg";
        await _store.PutAsync(legacy, new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal([legacy], _store.List());
        await using (var read = _store.OpenRead(legacy))
        {
            var buffer = new MemoryStream();
            await read!.CopyToAsync(buffer);
            Assert.Equal([1, 2, 3], buffer.ToArray());
        }
        Assert.Null(_store.OpenRead("2022/06/khong-co.jpg"));
    }

    [Fact]
    public void A_path_outside_the_folder_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => _store.FullPath("../ngoai.jpg"));
        Assert.Throws<InvalidOperationException>(() => _store.FullPath("/etc/passwd"));
        // A folder beside the root whose name starts with the root's.
        Assert.Throws<InvalidOperationException>(() => _store.FullPath($"../{Path.GetFileName(_root)}-khac/anh.jpg"));
    }

    /// <summary>Gives half its bytes, then tells <paramref name="halfway"/> and waits for <paramref name="resume"/> (or its failure).</summary>
    private sealed class PausingStream(byte[] content, TaskCompletionSource halfway, Task resume) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (Position >= Length / 2)
            {
                halfway.TrySetResult();
                await resume;
            }
            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, Length / 4)], ct);
        }
    }
}
