using System.Net;

namespace Gateway.IntegrationTests.Common;

/// <summary>A request body of a given length generated on the fly from one 64 KB buffer, so the client holds no copy of it.</summary>
public sealed class GeneratedContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;
    private static readonly byte[] Chunk = Enumerable.Range(0, ChunkSize).Select(i => (byte)(i * 7)).ToArray();
    private readonly long _length;

    /// <summary>Creates a body of <paramref name="length"/> bytes.</summary>
    public GeneratedContent(long length) => _length = length;

    /// <inheritdoc/>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (long sent = 0; sent < _length; sent += ChunkSize)
        {
            await stream.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(ChunkSize, _length - sent)));
        }
    }

    /// <inheritdoc/>
    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
