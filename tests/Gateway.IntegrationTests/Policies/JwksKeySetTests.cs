using Gateway.IntegrationTests.Common;
using Gateway.Policies;
using Gateway.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.IntegrationTests.Policies;

/// <summary>The key set's timing rules against a real loopback issuer, on a clock the test moves.</summary>
public sealed class JwksKeySetTests : IAsyncLifetime
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(30);

    private readonly ManualClock _clock = new();
    private JwksServer _issuer = null!;
    private KeySetRegistry _registry = null!;

    public async Task InitializeAsync()
    {
        _issuer = await JwksServer.StartAsync(TestSigningKey.SharedRsa);
        _registry = new KeySetRegistry(NullLoggerFactory.Instance, _clock);
    }

    public async Task DisposeAsync()
    {
        _registry.Dispose();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task GetAsync_SetOlderThanRefresh_RefetchedInBackground()
    {
        var set = _registry.For(_issuer.Url);
        var first = await set.GetAsync("rsa-1", Refresh, Floor);
        _issuer.Serve(TestSigningKey.SharedRsa, TestSigningKey.SharedEc);

        _clock.Advance(Refresh - TimeSpan.FromSeconds(1));
        Assert.Same(first, await set.GetAsync("rsa-1", Refresh, Floor));
        Assert.Equal(1, _issuer.Fetches);

        _clock.Advance(TimeSpan.FromSeconds(2));
        var stale = set.GetAsync("rsa-1", Refresh, Floor);

        // The request that notices goes on with the keys in hand; the fetch runs behind it.
        Assert.True(stale.IsCompletedSuccessfully);
        Assert.Same(first, await stale);
        await _issuer.WaitForFetchesAsync(2);
        await WaitForAsync(() => set.Current?.Find("ec-1") >= 0);
    }

    [Fact]
    public async Task GetAsync_UnknownKidWithinFloor_NoFetchUntilTheFloorPasses()
    {
        var set = _registry.For(_issuer.Url);
        await set.GetAsync("rsa-1", Refresh, Floor);
        _issuer.Serve(TestSigningKey.SharedRsa, TestSigningKey.SharedEc);

        _clock.Advance(Floor - TimeSpan.FromSeconds(1));
        var early = await set.GetAsync("ec-1", Refresh, Floor);
        Assert.Equal(-1, early!.Find("ec-1"));
        Assert.Equal(1, _issuer.Fetches);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var later = await set.GetAsync("ec-1", Refresh, Floor);
        Assert.True(later!.Find("ec-1") >= 0);
        Assert.Equal(2, _issuer.Fetches);
    }

    [Fact]
    public async Task GetAsync_FirstFetchFailed_NullAndRetriedOnlyAfterTheFloor()
    {
        _issuer.Respond(500, "down");
        var set = _registry.For(_issuer.Url);
        await _issuer.WaitForFetchesAsync(1);
        await WaitForAsync(() => set.GetAsync(null, Refresh, Floor) is { IsCompleted: true, Result: null });

        Assert.Null(await set.GetAsync(null, Refresh, Floor));
        Assert.Equal(1, _issuer.Fetches);

        _issuer.Serve(TestSigningKey.SharedRsa);
        _clock.Advance(Floor);
        var keys = await set.GetAsync(null, Refresh, Floor);

        Assert.Equal(0, keys!.Find(null));
        Assert.Equal(2, _issuer.Fetches);
    }

    [Fact]
    public async Task For_SameUrlTwice_OneSetAndOneFetch()
    {
        var first = _registry.For(_issuer.Url);
        var second = _registry.For(_issuer.Url);
        await first.GetAsync(null, Refresh, Floor);

        Assert.Same(first, second);
        Assert.Equal(1, _issuer.Fetches);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
