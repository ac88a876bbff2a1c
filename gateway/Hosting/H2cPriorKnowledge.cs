using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace Gateway.Hosting;

/// <summary>Serves HTTP/2 cleartext clients with prior knowledge (RFC 9113 §3.3) on the same port as HTTP/1.1.</summary>
/// <remarks>
/// Kestrel 10 picks HTTP/1.1 for every cleartext connection of an <c>Http1AndHttp2</c> endpoint (it cannot tell without
/// ALPN) and answers an HTTP/2 preface with GOAWAY HTTP_1_1_REQUIRED (seen with runtime 10.0.12; without this class the
/// integration test <c>InvokeAsync_Http2PriorKnowledge_ServedOverHttp2</c> fails that way). Kestrel exposes its HTTP/2 connection handler only
/// as the end of an endpoint's connection pipeline, so this class takes it from a second, HTTP/2-only endpoint on an
/// ephemeral loopback port (<see cref="CaptureHttp2"/>, which closes connections made to that port directly), and the
/// public endpoint's connection middleware (<see cref="DetectPreface"/>) peeks at the first 24 bytes and hands an
/// HTTP/2 connection to it. Nothing is consumed while peeking. Newer Kestrel sources do the same detection natively;
/// once the runtime has it, this class and the extra endpoint can go.
/// </remarks>
public sealed class H2cPriorKnowledge
{
    // The HTTP/2 client connection preface (RFC 9113 §3.4).
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly TimeSpan _prefaceTimeout;
    private ConnectionDelegate? _http2;

    /// <summary>Creates the detector; a connection that sends no byte for <paramref name="prefaceTimeout"/> is closed.</summary>
    public H2cPriorKnowledge(TimeSpan prefaceTimeout) => _prefaceTimeout = prefaceTimeout;

    /// <summary>Connection middleware for the HTTP/2-only endpoint: keeps its HTTP/2 handler, refuses direct connections.</summary>
    public ConnectionDelegate CaptureHttp2(ConnectionDelegate http2)
    {
        _http2 = http2;
        return static _ => Task.CompletedTask;
    }

    /// <summary>Connection middleware for the public endpoint: HTTP/2 prefaces go to the HTTP/2 handler, the rest to <paramref name="http1"/>.</summary>
    public ConnectionDelegate DetectPreface(ConnectionDelegate http1) => async connection =>
    {
        var http2 = _http2;
        if (http2 is null)
        {
            await http1(connection);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        timeout.CancelAfter(_prefaceTimeout);
        bool? isHttp2;
        try
        {
            isHttp2 = await StartsWithPrefaceAsync(connection.Transport.Input, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Idle or closed before its first bytes: close it, as Kestrel's keep-alive timeout would.
            return;
        }

        if (isHttp2 is { } chosen)
        {
            await (chosen ? http2(connection) : http1(connection));
        }
    };

    /// <summary>Reads until the bytes match or diverge from the preface; true for HTTP/2, false otherwise, null if the connection ended first.</summary>
    /// <remarks>Never consumes: the chosen protocol handler reads the same bytes again.</remarks>
    public static async ValueTask<bool?> StartsWithPrefaceAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var examined = buffer.Start;
            try
            {
                var length = (int)Math.Min(buffer.Length, Preface.Length);
                if (!StartsWith(buffer.Slice(0, length), Preface.AsSpan(0, length)))
                {
                    return false;
                }

                if (length == Preface.Length)
                {
                    return true;
                }

                if (result.IsCompleted)
                {
                    return buffer.IsEmpty ? null : false;
                }

                // A prefix of the preface so far: mark it examined so the next read waits for more bytes.
                examined = buffer.End;
            }
            finally
            {
                input.AdvanceTo(buffer.Start, examined);
            }
        }
    }

    private static bool StartsWith(ReadOnlySequence<byte> bytes, ReadOnlySpan<byte> expected)
    {
        if (bytes.IsSingleSegment)
        {
            return bytes.FirstSpan.SequenceEqual(expected);
        }

        Span<byte> copy = stackalloc byte[expected.Length];
        bytes.CopyTo(copy);
        return copy.SequenceEqual(expected);
    }
}
