using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Common;

/// <summary>A loopback port with nothing listening on it, for connection-refused tests; reserved until disposed.</summary>
/// <remarks>
/// The socket is bound but never listens, so connections to the port are refused. Holding it keeps any later bind to
/// port 0 (an upstream or gateway started by a parallel test, in this process or another) from being handed the same
/// port, as could happen when a probe listener bound the port and released it at once.
/// </remarks>
public sealed class ClosedPort : IDisposable
{
    private readonly Socket _socket;

    private ClosedPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    /// <summary>The refused port.</summary>
    public int Port { get; }

    /// <summary>Reserves a free loopback port that refuses connections.</summary>
    public static ClosedPort Reserve() => new();

    /// <inheritdoc/>
    public void Dispose() => _socket.Dispose();
}
