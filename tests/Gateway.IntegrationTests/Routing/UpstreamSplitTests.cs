using System.Globalization;
using Gateway.IntegrationTests.Common;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Routing;

/// <summary>Weighted splits (<c>to a 90 b 10</c>), sticky keys and pins through the real gateway, to two real echo
/// upstreams.</summary>
public sealed class UpstreamSplitTests
{
    private readonly ITestOutputHelper _output;

    public UpstreamSplitTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Select_10000Requests_SplitWithinTwoPointsOfTheWeights()
    {
        // Without a Debug line per request (nothing here reads them), the 10,000 requests take a few seconds.
        await using var split = await CanarySplit.StartAsync(string.Empty, ("Logging:LogLevel:Gateway", "Warning"));
        using var client = split.Gateway.CreateClient();

        // Four requests in flight at a time: quick on two cores, and the draw is shared between threads.
        const int Requests = 10_000;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Requests)
            {
                using var response = await client.GetAsync("/split");
                Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
            }
        }));

        var a = split.Stable.Requests;
        var b = split.Canary.Requests;
        _output.WriteLine($"'to stable 90 canary 10' over {Requests} requests: stable {Percent(a, Requests)}, canary {Percent(b, Requests)}");
        Assert.Equal(Requests, a + b);

        // At 10,000 draws one standard deviation of the canary's share is 0.3 points, so 2 points is far outside chance.
        Assert.InRange(b, 800, 1200);
    }

    [Fact]
    public async Task Select_200StickyKeysSentFiveTimes_EachKeyKeepsItsSideAndKeysSplitByWeight()
    {
        await using var split = await CanarySplit.StartAsync("sticky by header X-User-Id");
        using var client = split.Gateway.CreateClient();

        const int Keys = 200;
        var sides = new Dictionary<string, string>();
        for (var round = 0; round < 5; round++)
        {
            for (var key = 0; key < Keys; key++)
            {
                var user = "user-" + key.ToString(CultureInfo.InvariantCulture);
                var side = await SideAsync(client, ("X-User-Id", user));
                Assert.Equal(sides.GetValueOrDefault(user, side), side);
                sides[user] = side;
            }
        }

        var canary = sides.Values.Count(side => side == "canary");
        _output.WriteLine($"'sticky by header X-User-Id' over {Keys} keys × 5: stable {Percent(Keys - canary, Keys)}, canary {Percent(canary, Keys)} of the keys; no key changed side");

        // 200 keys at 10%: 20 expected, standard deviation 4.2; 8..32 is about ±2.8 of them. A hash that sends every key
        // (or nine in ten) one way, or ignores the weights, fails here.
        Assert.InRange(canary, 8, 32);
    }

    [Fact]
    public async Task Select_StickyRouteWithoutTheKey_DrawsByWeight()
    {
        await using var split = await CanarySplit.StartAsync("sticky by header X-User-Id");
        using var client = split.Gateway.CreateClient();

        const int Requests = 1000;
        for (var i = 0; i < Requests; i++)
        {
            await SideAsync(client);
        }

        var canary = split.Canary.Requests;
        _output.WriteLine($"no X-User-Id over {Requests} requests: stable {Percent(Requests - canary, Requests)}, canary {Percent(canary, Requests)}");

        // 100 expected, standard deviation 9.5: a request without the key is drawn, not sent to a fixed side.
        Assert.InRange(canary, 50, 150);
    }

    [Fact]
    public async Task Select_PinnedHeader_AlwaysLandsOnItsSideBeforeStickyAndWeights()
    {
        await using var split = await CanarySplit.StartAsync("sticky by header X-User-Id\n  pin canary header X-Canary 1\n  pin stable cookie canary off");
        using var client = split.Gateway.CreateClient();

        // Distinct sticky keys, of which about nine in ten would otherwise stay on stable.
        var pinned = 0;
        for (var i = 0; i < 200; i++)
        {
            var side = await SideAsync(client, ("X-User-Id", "pinned-" + i.ToString(CultureInfo.InvariantCulture)), ("X-Canary", "1"));
            pinned += side == "canary" ? 1 : 0;
        }

        // The cookie pin sends to stable what the header pin above sent to canary.
        var unpinned = 0;
        for (var i = 0; i < 200; i++)
        {
            var side = await SideAsync(client, ("Cookie", "canary=off"));
            unpinned += side == "stable" ? 1 : 0;
        }

        _output.WriteLine($"'pin canary header X-Canary 1': {pinned} of 200 on canary; 'pin stable cookie canary off': {unpinned} of 200 on stable");
        Assert.Equal(200, pinned);
        Assert.Equal(200, unpinned);
    }

    [Fact]
    public async Task Select_HeaderWithOtherValue_IsNotPinned()
    {
        await using var split = await CanarySplit.StartAsync("pin canary header X-Canary 1");
        using var client = split.Gateway.CreateClient();

        for (var i = 0; i < 200; i++)
        {
            await SideAsync(client, ("X-Canary", "0"));
        }

        // Were '0' taken for '1', all 200 would be on canary.
        Assert.InRange(split.Canary.Requests, 1, 60);
    }

    private static async Task<string> SideAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/split");
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        return (await EchoReply.ReadAsync(response)).Upstream;
    }

    private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>Two echo upstreams, <c>stable</c> and <c>canary</c>, behind <c>to stable 90 canary 10</c> with the
    /// given extra route lines.</summary>
    private sealed class CanarySplit : IAsyncDisposable
    {
        private CanarySplit(EchoUpstream stable, EchoUpstream canary, GatewayHost gateway)
        {
            Stable = stable;
            Canary = canary;
            Gateway = gateway;
        }

        public EchoUpstream Stable { get; }

        public EchoUpstream Canary { get; }

        public GatewayHost Gateway { get; }

        public static async Task<CanarySplit> StartAsync(string lines, params (string Key, string Value)[] settings)
        {
            var stable = await EchoUpstream.StartAsync("stable");
            var canary = await EchoUpstream.StartAsync("canary");
            var gateway = await GatewayHost.StartAsync($$"""
                upstream stable {
                  endpoints {{stable.Address}}
                }

                upstream canary {
                  endpoints {{canary.Address}}
                }

                route split {
                  path /split
                  to stable 90 canary 10
                  {{lines}}
                }
                """, settings);
            return new CanarySplit(stable, canary, gateway);
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Stable.DisposeAsync();
            await Canary.DisposeAsync();
        }
    }
}
