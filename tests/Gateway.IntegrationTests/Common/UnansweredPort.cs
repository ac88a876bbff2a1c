using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Common;

/// <summary>A loopback port where connecting hangs, as it does to an address that drops SYNs: a listener that never
/// accepts, with its accept queue filled.</summary>
/// <remarks>Linux drops a SYN to a listener whose accept queue is full, so the connector retransmits and waits; nothing
/// leaves 127.0.0.1. <see cref="OpenAsync"/> fills the queue until one more connect stays pending, and fails the test
/// where the system answers instead (then the port cannot stand for an unanswered one).</remarks>
public sealed class UnansweredPort : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _queued = new();

    private UnansweredPort()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
    }

    /// <summary>The port; a connect to it neither completes nor is refused.</summary>
    public int Port { get; }

    /// <summary>Opens the listener and fills its accept queue.</summary>
    public static async Task<UnansweredPort> OpenAsync()
    {
        var port = new UnansweredPort();
        for (var i = 0; i < 64; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(250));
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port.Port), wait.Token);
                port._queued.Add(socket);
            }
            catch (OperationCanceledException)
            {
                // This connect found the queue full and got no answer: the next one will not either.
                socket.Dispose();
                return port;
            }
        }

        port.Dispose();
        throw new InvalidOperationException("The listener's accept queue never filled; connects to it are answered.");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var socket in _queued)
        {
            socket.Dispose();
        }

        _listener.Dispose();
    }
}
