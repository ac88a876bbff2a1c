using Gateway.Upstreams;

namespace Gateway.Tests.Upstreams;

public sealed class EndpointStateTests
{
    [Fact]
    public void EnterExit_ConcurrentPairs_CountReturnsToZero()
    {
        var endpoint = CreateEndpoint();

        Parallel.For(0, 10_000, _ =>
        {
            endpoint.Enter();
            endpoint.Exit();
        });

        Assert.Equal(0, endpoint.InFlight);
    }

    [Fact]
    public void Enter_Twice_CountsTwo()
    {
        var endpoint = CreateEndpoint();

        endpoint.Enter();
        endpoint.Enter();

        Assert.Equal(2, endpoint.InFlight);
    }

    [Fact]
    public void Constructor_BlankAddress_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EndpointState(" "));
    }

    private static EndpointState CreateEndpoint() => new("http://127.0.0.1:5000");
}
