using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Gateway.IntegrationTests.Common;

/// <summary>Sends HTTP/1.1 requests as raw bytes over a TCP connection and reads one response per request.</summary>
/// <remarks>
/// For inputs a client library would not send as written: HttpClient folds and rewrites the <c>Connection</c> header
/// (it sends <c>close</c> and <c>keep-alive</c> through its own properties) and throws for <c>CONNECT</c> to an
/// authority. Every read is bounded by 30 s, generous for a busy CI machine.
/// </remarks>
public sealed class RawHttpClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly MemoryStream _pending = new();

    private RawHttpClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Connects to the host and port of <paramref name="baseUri"/>.</summary>
    public static async Task<RawHttpClient> ConnectAsync(Uri baseUri)
    {
        var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(Timeout);
        await tcp.ConnectAsync(baseUri.Host, baseUri.Port, timeout.Token);
        return new RawHttpClient(tcp);
    }

    /// <summary>Sends <paramref name="request"/> exactly as given (lines end in CRLF; each char one Latin-1 byte) and reads the response to its end.</summary>
    public static async Task<RawHttpResponse> SendAsync(Uri baseUri, string request)
    {
        using var client = await ConnectAsync(baseUri);
        return await client.SendAsync(request);
    }

    /// <summary>Sends <paramref name="request"/> on this connection and reads its response.</summary>
    public async Task<RawHttpResponse> SendAsync(string request)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        return await ReadResponseAsync(timeout.Token);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
        _pending.Dispose();
    }

    private async Task<RawHttpResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        var statusLine = await ReadLineAsync(cancellationToken);
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new List<(string, string)>();
        for (var line = await ReadLineAsync(cancellationToken); line.Length > 0; line = await ReadLineAsync(cancellationToken))
        {
            var colon = line.IndexOf(':');
            headers.Add((line[..colon], line[(colon + 1)..].Trim()));
        }

        string Header(string name) => headers.FirstOrDefault(h => h.Item1.Equals(name, StringComparison.OrdinalIgnoreCase)).Item2;
        var body = new StringBuilder();
        if (Header("Transfer-Encoding") is { } coding && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            // Chunk sizes are hex, optionally followed by extensions; a zero chunk and the trailer section end the body.
            for (var size = await ReadChunkSizeAsync(cancellationToken); size > 0; size = await ReadChunkSizeAsync(cancellationToken))
            {
                body.Append(await ReadExactAsync(size, cancellationToken));
                await ReadLineAsync(cancellationToken);
            }

            while ((await ReadLineAsync(cancellationToken)).Length > 0)
            {
            }
        }
        else if (Header("Content-Length") is { } length)
        {
            body.Append(await ReadExactAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken));
        }

        return new RawHttpResponse(status, headers, body.ToString());
    }

    private async Task<int> ReadChunkSizeAsync(CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(cancellationToken);
        return int.Parse(line.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var bytes = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
            var end = bytes.IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.ASCII.GetString(bytes[..end]);
                Consume(end + 2);
                return line;
            }

            await FillAsync(cancellationToken);
        }
    }

    private async Task<string> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        while (_pending.Length < count)
        {
            await FillAsync(cancellationToken);
        }

        var text = Encoding.UTF8.GetString(_pending.GetBuffer(), 0, count);
        Consume(count);
        return text;
    }

    // Reads more bytes into the pending buffer; the connection ending mid-response is a test failure.
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var read = await _stream.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            throw new IOException("The connection closed before the response ended.");
        }

        _pending.Seek(0, SeekOrigin.End);
        _pending.Write(buffer, 0, read);
    }

    private void Consume(int count)
    {
        var rest = _pending.GetBuffer().AsSpan(count, (int)_pending.Length - count).ToArray();
        _pending.SetLength(0);
        _pending.Write(rest);
    }
}
