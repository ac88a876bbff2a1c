using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Hosting;

/// <summary>Keeps a request's <c>Connection</c> header lines as the client sent them, which Kestrel may rewrite before the
/// gateway sees the request, and puts them back.</summary>
/// <remarks>
/// <para>Kestrel reads an HTTP/1.x request's Connection header to decide keep-alive and upgrade, and when exactly one of
/// <c>keep-alive</c>, <c>close</c> and <c>upgrade</c> is among its options it replaces the whole header, every line of it,
/// with that one interned value (<c>HttpHeaders.ParseConnection</c> in dotnet/aspnetcore,
/// src/Servers/Kestrel/Core/src/Internal/Http/HttpHeaders.cs; seen with runtime 10.0.12). So
/// <c>Connection: keep-alive, X-Secret</c>, <c>Connection: X-Secret, close</c> and a second line
/// <c>Connection: X-Secret</c> after <c>Connection: keep-alive</c> all reach the application as the bare option, and the
/// gateway could not know that X-Secret is hop-by-hop and must not be forwarded (RFC 9110 §7.6.1). Only a Connection
/// header without any of the three options arrives intact.</para>
/// <para>The one hook Kestrel offers into header parsing is <c>KestrelServerOptions.RequestHeaderEncodingSelector</c>:
/// the encoding it returns for Connection (<see cref="ConnectionHeaderEncoding"/>) decodes each line as it is parsed,
/// before the rewrite, and records it here. Kestrel parses an HTTP/1.x request's header block synchronously in the
/// connection's request loop and then calls the application from that loop, so lines recorded in an
/// <see cref="AsyncLocal{T}"/> there are visible to the request that follows, and <see cref="Restore"/> puts them back
/// into its headers. Lines decoded later, inside an asynchronous body read (request trailers, or the body Kestrel drains
/// after the application), are recorded in that read's own execution context and never reach another request.
/// The integration tests for headers named in Connection fail if Kestrel ever parses headers some other way.</para>
/// </remarks>
public static class ConnectionHeaderCapture
{
    private static readonly AsyncLocal<Lines?> Current = new();

    /// <summary>For <c>KestrelServerOptions.RequestHeaderEncodingSelector</c>: the recording encoding for Connection,
    /// null (Kestrel's default decoding) for every other header.</summary>
    public static Func<string, System.Text.Encoding?> EncodingSelector { get; } = static name =>
        string.Equals(name, HeaderNames.Connection, StringComparison.OrdinalIgnoreCase) ? ConnectionHeaderEncoding.Instance : null;

    /// <summary>Puts the request's Connection lines back as the client sent them, if Kestrel parsed any for it.</summary>
    /// <remarks>Called once at the start of every request, so lines never outlive the request they came with. Kestrel
    /// has already made its keep-alive and upgrade decisions; only what the application reads changes.</remarks>
    public static void Restore(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Current.Value is not { Taken: false } lines)
        {
            return;
        }

        lines.Taken = true;

        // HTTP/2 and HTTP/3 forbid Connection (Kestrel rejects it), and their streams run in contexts of their own.
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            context.Request.Headers.Connection = lines.Values;
        }
    }

    /// <summary>Records one Connection line as <see cref="ConnectionHeaderEncoding"/> decodes it.</summary>
    internal static void Record(string line)
    {
        // The first line of a header block starts a new set; a taken set belongs to an earlier request.
        var lines = Current.Value;
        if (lines is null || lines.Taken)
        {
            Current.Value = lines = new Lines();
        }

        lines.Values = StringValues.Concat(lines.Values, line);
    }

    // The Connection lines of one header block; mutable so that Restore, running in the request's own (child) execution
    // context, can mark the set taken for the connection's loop as well.
    private sealed class Lines
    {
        public StringValues Values { get; set; }

        public bool Taken { get; set; }
    }
}
