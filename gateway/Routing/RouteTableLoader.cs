using Gateway.Dsl;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Text;
using Gateway.Policies;

namespace Gateway.Routing;

/// <summary>Turns a <see cref="RouteSource"/> into a snapshot, or reports why it cannot.</summary>
public static class RouteTableLoader
{
    /// <summary>Checks the source and builds its snapshot; null when the file has errors (see <paramref name="result"/>).</summary>
    public static RouteTableSnapshot? TryLoad(RouteSource source, out CheckResult result) =>
        TryLoad(source, new SnapshotServices(new Upstreams.UpstreamRegistry(), new PolicyFactory(), new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig()), out result);

    /// <summary>Checks the source and builds its snapshot with <paramref name="services"/>; null when the file has errors.</summary>
    public static RouteTableSnapshot? TryLoad(RouteSource source, SnapshotServices services, out CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(source);
        result = Check(source);
        if (result.Table is not { } table || result.Plan is not { } plan)
        {
            return null;
        }

        return RouteTableSnapshot.Create(table, source.CreateMatcher(plan), source.Router, services);
    }

    /// <summary>Checks the source as the build checks <c>routes.gw</c>: the language's checks, then its <c>plugin</c> lines
    /// against the policies compiled into this gateway (GW0904-GW0906, with the generator's messages and spans). Any
    /// error leaves the result without a table, so no snapshot is built from it.</summary>
    public static CheckResult Check(RouteSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = RouteFile.Parse(source.Text, source.Path);
        var plugins = PluginChecker.Check(result.PluginCalls, new SourceText(source.Text, source.Path), GeneratedPlugins.Signatures);
        if (plugins.Count == 0)
        {
            return result;
        }

        // Warnings of the language's checks stay, in position order with the plugin errors, as the build lists them.
        return new CheckResult
        {
            Table = null,
            Plan = null,
            Diagnostics = result.Diagnostics.Concat(plugins)
                .OrderBy(diagnostic => diagnostic.Span.Start)
                .ThenBy(diagnostic => diagnostic.Code, StringComparer.Ordinal)
                .ToEquatableArray(),
        };
    }
}
