using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Common;

/// <summary>A real Kestrel upstream on 127.0.0.1:0 whose <c>/healthz</c> answers as the test says (200, 500, or
/// alternating), while every other path answers <see cref="Status"/> (200 unless set) with its name, counted.</summary>
public sealed class HealthUpstream : IAsyncDisposable
{
    private LoopbackApp _app = null!;
    private int _requests;
    private int _checks;

    private HealthUpstream(string name) => Name = name;

    /// <summary>How <c>/healthz</c> answers.</summary>
    public enum Mode
    {
        /// <summary>200.</summary>
        Healthy,

        /// <summary>500.</summary>
        Failing,

        /// <summary>500 and 200 by turns.</summary>
        Flapping,
    }

    /// <summary>The name every other path answers with.</summary>
    public string Name { get; }

    /// <summary>The base URI.</summary>
    public string Address => _app.Address;

    /// <summary>How <c>/healthz</c> answers now.</summary>
    public Mode Health { get; set; }

    /// <summary>The status every path but <c>/healthz</c> answers with.</summary>
    public int Status { get; set; } = 200;

    /// <summary>Requests to paths other than <c>/healthz</c>.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests to <c>/healthz</c>.</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>Starts an upstream named <paramref name="name"/>.</summary>
    public static async Task<HealthUpstream> StartAsync(string name)
    {
        var upstream = new HealthUpstream(name);
        upstream._app = await LoopbackApp.StartAsync(upstream.HandleAsync);
        return upstream;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == "/healthz")
        {
            var check = Interlocked.Increment(ref _checks);
            var healthy = Health == Mode.Healthy || (Health == Mode.Flapping && check % 2 == 0);
            context.Response.StatusCode = healthy ? 200 : 500;
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _requests);
        context.Response.StatusCode = Status;
        context.Response.Headers["X-Answered-By"] = Name;
        return context.Response.WriteAsync(Name);
    }
}

/// <summary>A loopback TCP server that answers every connection with bytes that are not HTTP, then closes it.</summary>
public sealed class GarbageServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts listening.</summary>
    public GarbageServer()
    {
        _listener.Start();
        Address = "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    /// <summary>The base URI.</summary>
    public string Address { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("\u0001\u0002 garbage, not HTTP\r\n\r\n"), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
        {
            // Stopped.
        }
    }
}
