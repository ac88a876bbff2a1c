using Gateway.IntegrationTests.Common;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Balancing;

/// <summary>Endpoint weights and <c>balance hash</c> through the real gateway and three real upstreams.</summary>
public sealed class WeightAndHashTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private EchoUpstream[] _upstreams = [];

    public WeightAndHashTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync() => _upstreams = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => EchoUpstream.StartAsync($"u{i}")));

    public async Task DisposeAsync()
    {
        foreach (var upstream in _upstreams)
        {
            await upstream.DisposeAsync();
        }
    }

    [Fact]
    public async Task RoundRobin_Weights3And1And1_SplitExactly()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes($"{_upstreams[0].Address} weight 3 {_upstreams[1].Address} {_upstreams[2].Address}", "round_robin"));
        using var client = SingleConnection(gateway);

        var counts = await CountAsync(client, 500);

        Assert.Equal(new[] { 300, 100, 100 }, counts);
    }

    [Fact]
    public async Task Random_Weights3And1_SplitInProportion()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes($"{_upstreams[0].Address} weight 3 {_upstreams[1].Address}", "random"));
        using var client = SingleConnection(gateway);

        var counts = await CountAsync(client, 2000);

        _output.WriteLine($"weights 3:1, random: {counts[0]} / {counts[1]} ({counts[0] / 2000.0:P1})");
        // 75% expected, one standard deviation about 1%: four either way.
        Assert.InRange(counts[0] / 2000.0, 0.71, 0.79);
    }

    [Fact]
    public async Task PowerOfTwo_Weights3And1_SequentialRequestsSplitInProportion()
    {
        // One request at a time: both endpoints are always idle, so the weights alone must decide.
        await using var gateway = await GatewayHost.StartAsync(Routes($"{_upstreams[0].Address} weight 3 {_upstreams[1].Address}", "power_of_two"));
        using var client = SingleConnection(gateway);

        var counts = await CountAsync(client, 2000);

        _output.WriteLine($"weights 3:1, power_of_two, sequential: {counts[0]} / {counts[1]} ({counts[0] / 2000.0:P1})");
        Assert.InRange(counts[0] / 2000.0, 0.71, 0.79);
    }

    [Fact]
    public async Task LeastRequests_Weights3And1_SequentialRequestsSplitInProportion()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes($"{_upstreams[0].Address} weight 3 {_upstreams[1].Address}", "least_requests"));
        using var client = SingleConnection(gateway);

        var counts = await CountAsync(client, 400);

        Assert.Equal(new[] { 300, 100, 0 }, counts);
    }

    [Fact]
    public async Task HashHeader_EachKeyKeepsItsEndpoint_AndKeysSpreadOverAll()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(string.Join(' ', _upstreams.Select(u => u.Address)), "hash header X-User"));
        using var client = gateway.CreateClient();

        var byKey = new Dictionary<string, HashSet<string>>();
        for (var round = 0; round < 3; round++)
        {
            for (var user = 0; user < 150; user++)
            {
                var key = "user-" + user;
                var served = await ServedByAsync(client, ("X-User", key));
                (byKey.TryGetValue(key, out var set) ? set : byKey[key] = new HashSet<string>()).Add(served);
            }
        }

        Assert.All(byKey.Values, set => Assert.Single(set));
        var shares = byKey.Values.GroupBy(set => set.Single()).ToDictionary(g => g.Key, g => g.Count());
        _output.WriteLine("keys per endpoint: " + string.Join(", ", shares.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));

        // 150 keys over three endpoints: 50 each on average; a hash that ignored the key, or the endpoint, would put them
        // all on one. 25 is more than five standard deviations below 50.
        Assert.Equal(3, shares.Count);
        Assert.All(shares.Values, count => Assert.InRange(count, 25, 75));
    }

    [Fact]
    public async Task HashCookie_KeepsAKeyOnOneEndpoint_AndWithoutTheCookieStillAnswers()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes(string.Join(' ', _upstreams.Select(u => u.Address)), "hash cookie session"));
        using var client = gateway.CreateClient();

        foreach (var session in new[] { "a1", "b2", "c3", "d4" })
        {
            var first = await ServedByAsync(client, ("Cookie", "session=" + session));
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(first, await ServedByAsync(client, ("Cookie", "theme=dark; session=" + session)));
            }
        }

        Assert.StartsWith("u", await ServedByAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashHeader_Weighted_KeysSplitInProportion()
    {
        await using var gateway = await GatewayHost.StartAsync(Routes($"{_upstreams[0].Address} weight 3 {_upstreams[1].Address}", "hash header X-User"));
        using var client = gateway.CreateClient();

        var first = 0;
        for (var user = 0; user < 400; user++)
        {
            first += await ServedByAsync(client, ("X-User", "user-" + user)) == "u0" ? 1 : 0;
        }

        _output.WriteLine($"weights 3:1, hash: {first} of 400 keys on the weight-3 endpoint");
        Assert.InRange(first, 270, 330);
    }

    private static HttpClient SingleConnection(GatewayHost gateway) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = gateway.PublicUri, Timeout = TimeSpan.FromSeconds(60) };

    private async Task<int[]> CountAsync(HttpClient client, int requests)
    {
        var counts = new int[_upstreams.Length];
        for (var i = 0; i < requests; i++)
        {
            var served = await ServedByAsync(client);
            counts[int.Parse(served.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)]++;
        }

        return counts;
    }

    private static async Task<string> ServedByAsync(HttpClient client, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/x");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        return (await EchoReply.ReadAsync(response)).Upstream;
    }

    private static string Routes(string endpoints, string balance) => $$"""
        upstream pool {
          endpoints {{endpoints}}
          balance {{balance}}
        }

        route all {
          path /**
          to pool
        }
        """;
}
