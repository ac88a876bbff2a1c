using Gateway.Policies;
using Gateway.Upstreams;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Routing;

/// <summary>The process-wide parts every table snapshot is built with.</summary>
/// <param name="Upstreams">Keeps upstream state across snapshots.</param>
/// <param name="Policies">Builds each route's policies.</param>
/// <param name="Forwarding">The default forwarding settings (Gateway:UpstreamTimeout), a route's unless it says otherwise.</param>
public sealed record SnapshotServices(UpstreamRegistry Upstreams, PolicyFactory Policies, ForwarderRequestConfig Forwarding);
