namespace Gateway.Dsl.Model;

/// <summary>Load-balancing modes of the <c>balance</c> directive.</summary>
public enum BalanceMode
{
    /// <summary><c>power_of_two</c>: pick two endpoints at random, take the one with fewer requests in flight (the default, as in YARP).</summary>
    PowerOfTwo,

    /// <summary><c>round_robin</c>: each endpoint in turn.</summary>
    RoundRobin,

    /// <summary><c>least_requests</c>: the endpoint with the fewest requests in flight.</summary>
    LeastRequests,

    /// <summary><c>random</c>: uniformly at random.</summary>
    Random,

    /// <summary><c>balance hash KEY</c>: requests with one key go to one endpoint (rendezvous hashing, weighted), so
    /// sessions stick and a change of endpoints moves only the keys of the endpoints that changed.</summary>
    Hash,
}
