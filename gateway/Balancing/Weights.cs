using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary>What the balancers share about endpoint weights (<c>endpoints URL weight N</c>).</summary>
internal static class Weights
{
    /// <summary>Whether every endpoint has weight 1, the usual case, which keeps the unweighted code path.</summary>
    public static bool Uniform(ReadOnlySpan<EndpointState> endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Weight != 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The sum of the weights.</summary>
    public static int Total(ReadOnlySpan<EndpointState> endpoints)
    {
        var total = 0;
        foreach (var endpoint in endpoints)
        {
            total += endpoint.Weight;
        }

        return total;
    }

    /// <summary>The endpoint that position <paramref name="position"/> (0 to total − 1) of the weights falls on.</summary>
    public static int At(ReadOnlySpan<EndpointState> endpoints, int position)
    {
        for (var index = 0; index < endpoints.Length; index++)
        {
            position -= endpoints[index].Weight;
            if (position < 0)
            {
                return index;
            }
        }

        return endpoints.Length - 1;
    }

    /// <summary>Whether <paramref name="a"/> is strictly less loaded than <paramref name="b"/> for its weight: fewer
    /// requests in flight per unit of weight (compared without division).</summary>
    /// <remarks>Ties, idle endpoints above all, are left to the caller's weighted choice: were the request about to be
    /// sent counted too, an idle heavier endpoint would beat an idle lighter one every time, and sequential traffic would
    /// go almost all to it instead of in proportion.</remarks>
    public static bool LessLoaded(EndpointState a, EndpointState b) =>
        (long)a.InFlight * b.Weight < (long)b.InFlight * a.Weight;
}
