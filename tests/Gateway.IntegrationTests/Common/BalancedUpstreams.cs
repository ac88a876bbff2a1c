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
    public async Task<int[]> CountAsync(HttpClient client, int requests)
    {
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
    /// <remarks>Requests that land on u1 or u2 finish at once, so it sends until u0 holds one (bounded).</remarks>
    public async Task<List<Task<HttpResponseMessage>>> HoldOneOnFirstAsync(HttpClient client)
    {
        var busy = Upstreams[0];
        busy.HoldRequests = true;
        var sent = new List<Task<HttpResponseMessage>>();
        for (var attempt = 0; attempt < 20 && busy.Held == 0; attempt++)
        {
            var request = client.GetAsync("/hold");
            sent.Add(request);
            for (var wait = 0; wait < 100 && busy.Held == 0 && !request.IsCompleted; wait++)
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
