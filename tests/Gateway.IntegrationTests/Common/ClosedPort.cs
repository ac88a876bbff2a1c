using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Common;

/// <summary>A loopback port with nothing listening on it, for connection-refused tests.</summary>
public static class ClosedPort
{
    /// <summary>Binds port 0 to learn a free port, then releases it; connecting to it is refused.</summary>
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
