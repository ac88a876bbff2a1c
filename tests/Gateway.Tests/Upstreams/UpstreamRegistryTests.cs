using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Upstreams;

namespace Gateway.Tests.Upstreams;

/// <summary>Upstream state across table snapshots: an unchanged definition keeps its pool (and in-flight counts).</summary>
public sealed class UpstreamRegistryTests
{
    [Fact]
    public void Resolve_UnchangedDefinition_KeepsPoolAndCounts()
    {
        var registry = new UpstreamRegistry();
        var first = registry.Resolve([Upstream("a", "http://127.0.0.1:1"), Upstream("b", "http://127.0.0.1:2")]);
        first["a"].Endpoints.Current[0].Enter();

        var second = registry.Resolve([Upstream("a", "http://127.0.0.1:1"), Upstream("b", "http://127.0.0.1:3")]);

        Assert.Same(first["a"], second["a"]);
        Assert.Equal(1, second["a"].Endpoints.Current[0].InFlight);
        Assert.NotSame(first["b"], second["b"]);
    }

    [Fact]
    public void Resolve_RemovedUpstream_IsDroppedAndNewOnReturn()
    {
        var registry = new UpstreamRegistry();
        var first = registry.Resolve([Upstream("a", "http://127.0.0.1:1")]);
        registry.Resolve([]);

        var third = registry.Resolve([Upstream("a", "http://127.0.0.1:1")]);

        Assert.NotSame(first["a"], third["a"]);
    }

    private static Upstream Upstream(string name, string endpoint) => new()
    {
        Name = name,
        Endpoints = new[] { endpoint }.ToEquatableArray(),
        Balance = BalanceMode.RoundRobin,
        Line = 1,
    };
}
