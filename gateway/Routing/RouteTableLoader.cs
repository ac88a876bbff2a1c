using Gateway.Dsl;

namespace Gateway.Routing;

/// <summary>Turns a <see cref="RouteSource"/> into a snapshot, or reports why it cannot.</summary>
public static class RouteTableLoader
{
    /// <summary>Checks the source and builds its snapshot; null when the file has errors (see <paramref name="result"/>).</summary>
    public static RouteTableSnapshot? TryLoad(RouteSource source, out CheckResult result) =>
        TryLoad(source, new SnapshotServices(new Upstreams.UpstreamRegistry(), new Policies.PolicyFactory(), new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig()), out result);

    /// <summary>Checks the source and builds its snapshot with <paramref name="services"/>; null when the file has errors.</summary>
    public static RouteTableSnapshot? TryLoad(RouteSource source, SnapshotServices services, out CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(source);
        result = RouteFile.Parse(source.Text, source.Path);
        if (result.Table is not { } table || result.Plan is not { } plan)
        {
            return null;
        }

        return RouteTableSnapshot.Create(table, source.CreateMatcher(plan), source.Router, services);
    }
}
