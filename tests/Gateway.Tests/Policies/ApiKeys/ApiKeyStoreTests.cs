using Gateway.Logging;
using Gateway.Policies.ApiKeys;
using Gateway.Tests.Common;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Policies.ApiKeys;

/// <summary>The store checked by hand (<see cref="ApiKeyStore.Refresh"/>, no timer), over real files in a temp folder.</summary>
public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gateway-keys-").FullName;
    private readonly RecordingLogger _logger = new();

    private string KeysPath => Path.Combine(_folder, "keys");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Refresh_FileChanged_NewKeyAcceptedAndRemovedKeyRejected()
    {
        File.WriteAllText(KeysPath, "acme old-key\n");
        using var store = CreateStore();
        Assert.Equal("acme", store.Keys!.Find("old-key"));

        File.WriteAllText(KeysPath, "acme new-key\n");
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("new-key"));
        Assert.Null(store.Keys.Find("old-key"));
    }

    [Fact]
    public void Create_FileMissing_NoKeysAndOneWarning()
    {
        using var store = CreateStore();
        store.Refresh();
        store.Refresh();

        Assert.Null(store.Keys);
        var warning = Assert.Single(_logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(EventIds.ApiKeysUnavailable, warning.EventId.Id);
        Assert.Contains("does not exist", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_FileAppearsAfterStart_KeysLoaded()
    {
        using var store = CreateStore();

        File.WriteAllText(KeysPath, "acme k\n");
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("k"));
        Assert.Contains(_logger.Entries, e => e.EventId.Id == EventIds.ApiKeysLoaded);
    }

    [Fact]
    public void Refresh_FileMadeMalformed_LastGoodKeysKeptWithOneWarning()
    {
        File.WriteAllText(KeysPath, "acme good\n");
        using var store = CreateStore();

        File.WriteAllBytes(KeysPath, [0xFF, 0xFE, 0x00, 0x01]);
        store.Refresh();
        store.Refresh();
        File.WriteAllText(KeysPath, "nothing usable here\n");
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("good"));
        var warning = Assert.Single(_logger.Entries, e => e.EventId.Id == EventIds.ApiKeysKept);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("the 1 keys read before stay in use", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_MalformedThenFixed_NewKeysAndWarningStreakEnds()
    {
        File.WriteAllText(KeysPath, "acme good\n");
        using var store = CreateStore();
        File.WriteAllText(KeysPath, "garbage\n");
        store.Refresh();

        File.WriteAllText(KeysPath, "acme better\n");
        store.Refresh();
        File.WriteAllText(KeysPath, "still-garbage\n");
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("better"));
        Assert.Null(store.Keys.Find("good"));
        Assert.Equal(2, _logger.Entries.Count(e => e.EventId.Id == EventIds.ApiKeysKept));
    }

    [Fact]
    public void Refresh_MalformedUnchanged_NotReportedAsRecovered()
    {
        File.WriteAllText(KeysPath, "acme good\n");
        using var store = CreateStore();
        File.WriteAllText(KeysPath, "garbage\n");
        store.Refresh();
        var loaded = _logger.Entries.Count(e => e.EventId.Id == EventIds.ApiKeysLoaded);

        store.Refresh();

        Assert.Equal(loaded, _logger.Entries.Count(e => e.EventId.Id == EventIds.ApiKeysLoaded));
    }

    [Fact]
    public void Refresh_FileDeleted_LastGoodKeysKept()
    {
        File.WriteAllText(KeysPath, "acme good\n");
        using var store = CreateStore();

        File.Delete(KeysPath);
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("good"));
        Assert.Single(_logger.Entries, e => e.EventId.Id == EventIds.ApiKeysKept);
    }

    [Fact]
    public void Refresh_SameContentRewritten_NotParsedAgain()
    {
        File.WriteAllText(KeysPath, "acme k\n");
        using var store = CreateStore();
        var before = store.Keys;

        File.WriteAllText(KeysPath, "acme k\n");
        File.SetLastWriteTimeUtc(KeysPath, DateTime.UtcNow.AddMinutes(1));
        store.Refresh();

        Assert.Same(before, store.Keys);
        Assert.Single(_logger.Entries, e => e.EventId.Id == EventIds.ApiKeysLoaded);
    }

    [Fact]
    public void Refresh_SameLengthAndTimestamp_ChangeStillSeen()
    {
        File.WriteAllText(KeysPath, "acme aaaa\n");
        var stamp = File.GetLastWriteTimeUtc(KeysPath);
        using var store = CreateStore();

        File.WriteAllText(KeysPath, "acme bbbb\n");
        File.SetLastWriteTimeUtc(KeysPath, stamp);
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("bbbb"));
    }

    [Fact]
    public void Refresh_KubernetesSymlinkSwap_NewKeysRead()
    {
        // The layout the kubelet writes for a Secret volume: keys -> ..data/keys, ..data -> ..<timestamp>.
        Directory.CreateDirectory(Path.Combine(_folder, "..2025_01_01_00_00_00.1"));
        File.WriteAllText(Path.Combine(_folder, "..2025_01_01_00_00_00.1", "keys"), "acme first\n");
        File.CreateSymbolicLink(Path.Combine(_folder, "..data"), "..2025_01_01_00_00_00.1");
        File.CreateSymbolicLink(KeysPath, Path.Combine("..data", "keys"));
        using var store = CreateStore();
        Assert.Equal("acme", store.Keys!.Find("first"));

        // An update: a new timestamped folder, then ..data swapped to it by renaming a new link over the old one.
        Directory.CreateDirectory(Path.Combine(_folder, "..2025_01_01_00_01_00.2"));
        File.WriteAllText(Path.Combine(_folder, "..2025_01_01_00_01_00.2", "keys"), "acme second\n");
        File.CreateSymbolicLink(Path.Combine(_folder, "..data_tmp"), "..2025_01_01_00_01_00.2");
        Assert.Equal(0, Rename(Path.Combine(_folder, "..data_tmp"), Path.Combine(_folder, "..data")));
        Directory.Delete(Path.Combine(_folder, "..2025_01_01_00_00_00.1"), recursive: true);
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("second"));
        Assert.Null(store.Keys.Find("first"));
    }

    [Fact]
    public void Refresh_BadLines_LoggedByNumberWithoutTheKey()
    {
        File.WriteAllText(KeysPath, "acme top-secret\nglobex top-secret\nlonely\n");
        using var store = CreateStore();

        var skipped = _logger.Entries.Where(e => e.EventId.Id == EventIds.ApiKeysLineSkipped).ToArray();
        Assert.Equal(2, skipped.Length);
        Assert.Contains("line 2:", skipped[0].Message, StringComparison.Ordinal);
        Assert.Contains("line 3:", skipped[1].Message, StringComparison.Ordinal);
        Assert.All(_logger.Entries, e => Assert.DoesNotContain("top-secret", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Refresh_AfterDispose_DoesNothing()
    {
        File.WriteAllText(KeysPath, "acme k\n");
        var store = CreateStore();
        store.Dispose();

        File.WriteAllText(KeysPath, "acme other\n");
        store.Refresh();

        Assert.Equal("acme", store.Keys!.Find("k"));
    }

    [Fact]
    public void Registry_SamePath_SharesOneStore()
    {
        File.WriteAllText(KeysPath, "acme k\n");
        using var registry = new ApiKeyStoreRegistry();

        var first = registry.Get(KeysPath);
        var second = registry.Get(Path.Combine(_folder, ".", "keys"));

        Assert.Same(first, second);
    }

    // rename(2), as the kubelet swaps the link: File.Move and Directory.Move refuse to replace a link to a folder.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(string from, string to);

    private ApiKeyStore CreateStore() => new(KeysPath, Timeout.InfiniteTimeSpan, _logger);
}
