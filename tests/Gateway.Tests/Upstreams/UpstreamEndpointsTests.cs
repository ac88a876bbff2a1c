using Gateway.Upstreams;

namespace Gateway.Tests.Upstreams;

public sealed class UpstreamEndpointsTests
{
    [Fact]
    public void Constructor_Addresses_OneStatePerAddressInOrder()
    {
        var endpoints = CreateEndpoints("http://a:1", "http://b:2");

        Assert.Equal(["http://a:1", "http://b:2"], endpoints.Current.Select(e => e.Address));
    }

    [Fact]
    public void Replace_NewArray_ReaderKeepsTheArrayItRead()
    {
        var endpoints = CreateEndpoints("http://a:1", "http://b:2");
        var seen = endpoints.Current;

        endpoints.Replace([new EndpointState("http://c:3")]);

        // Copy-on-write: the old array is untouched, the new one is visible to the next reader.
        Assert.Equal(["http://a:1", "http://b:2"], seen.Select(e => e.Address));
        Assert.Equal(["http://c:3"], endpoints.Current.Select(e => e.Address));
    }

    [Fact]
    public void Replace_EmptyArray_LeavesNoEndpoints()
    {
        var endpoints = CreateEndpoints("http://a:1");

        endpoints.Replace([]);

        Assert.Empty(endpoints.Current);
    }

    [Fact]
    public void Update_AddressThatStays_KeepsItsStateAndInFlightCount()
    {
        var endpoints = CreateEndpoints("http://a:1", "http://b:2");
        var kept = endpoints.Current[1];
        kept.Enter();

        endpoints.Update(["http://b:2", "http://c:3"]);

        Assert.Same(kept, endpoints.Current[0]);
        Assert.Equal(1, endpoints.Current[0].InFlight);
        Assert.Equal("http://c:3", endpoints.Current[1].Address);
        Assert.Equal(0, endpoints.Current[1].InFlight);
    }

    [Fact]
    public void Update_NewSet_AllocatesANewArray()
    {
        var endpoints = CreateEndpoints("http://a:1");
        var before = endpoints.Current;

        endpoints.Update(["http://a:1"]);

        Assert.NotSame(before, endpoints.Current);
        Assert.Same(before[0], endpoints.Current[0]);
    }

    private static UpstreamEndpoints CreateEndpoints(params string[] addresses) => new(addresses);
}
