namespace Gateway.IntegrationTests.Common;

/// <summary>Three echo upstreams (u0, u1, u2) behind one gateway upstream with a given <c>balance</c> mode.</summary>
public sealed class BalancedUpstreams : IAsyncDisposable
{
    private BalancedUpstreams(EchoUpstream[] upstreams, GatewayHost gateway)
    {
        Upstreams = upstreams;
        Gateway = gateway;
    }

    /// <summary>The three upstreams, in the order the route file lists them.</summary>
    public EchoUpstream[] Upstreams { get; }

    /// <summary>The gateway in front of them.</summary>
    public GatewayHost Gateway { get; }

    /// <summary>Starts the upstreams and a gateway with <c>balance <paramref name="mode"/></c>.</summary>
    public static async Task<BalancedUpstreams> StartAsync(string mode)
    {
        var upstreams = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => EchoUpstream.StartAsync($"u{i}")));
        var gateway = await GatewayHost.StartAsync($$"""
            upstream pool {
              endpoints {{string.Join(' ', upstreams.Select(u => u.Address))}}
              balance {{mode}}
            }

            route all {
              path /**
              to pool
            }
            """);
        return new BalancedUpstreams(upstreams, gateway);
    }

    /// <summary>Sends <paramref name="requests"/> sequential GETs and counts how many each upstream answered.</summary>
    /// <remarks>
    /// The requests share one connection. Kestrel serves a connection's requests one after another, so the gateway has
    /// finished request n, and decremented its endpoint's in-flight count, before it picks for request n+1. Over several
    /// pooled connections (the held requests leave some) request n+1 could be picked while request n's endpoint still
    /// counted 1, an ordering race that lets power_of_two tie with the held endpoint and choose it.
    /// </remarks>
    public async Task<int[]> CountAsync(int requests)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
        {
            BaseAddress = Gateway.PublicUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var counts = new int[Upstreams.Length];
        for (var i = 0; i < requests; i++)
        {
            using var response = await client.GetAsync("/count");
            var echo = await EchoReply.ReadAsync(response);
            counts[int.Parse(echo.Upstream[1..])]++;
        }

        return counts;
    }

    /// <summary>Makes u0 hold one <c>/hold</c> request in flight and returns that request, to be awaited after <see cref="EchoUpstream.ReleaseHeld"/>.</summary>
    /// <remarks>
    /// Requests that land on u1 or u2 finish at once, so it sends one at a time until u0 holds one. Each request is
    /// waited for until it either finishes or is held: moving on after a fixed wait (it was 1 s) could, on a slow
    /// machine, send a second request while the first was still on its way to u0, leaving two held.
    /// </remarks>
    public async Task<List<Task<HttpResponseMessage>>> HoldOneOnFirstAsync(HttpClient client)
    {
        var busy = Upstreams[0];
        busy.HoldRequests = true;
        var sent = new List<Task<HttpResponseMessage>>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (busy.Held == 0 && DateTime.UtcNow < deadline)
        {
            var request = client.GetAsync("/hold");
            sent.Add(request);
            while (busy.Held == 0 && !request.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }

        Assert.Equal(1, busy.Held);
        return sent;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var upstream in Upstreams)
        {
            await upstream.DisposeAsync();
        }
    }
}
