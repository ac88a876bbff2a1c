using System.IO.Pipelines;
using System.Text;
using Gateway.Hosting;

namespace Gateway.Tests.Hosting;

public sealed class H2cPriorKnowledgeTests
{
    private const string Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    [Fact]
    public async Task StartsWithPrefaceAsync_Http2Preface_TrueAndNothingConsumed()
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(Preface + "frames"));

        Assert.True(await H2cPriorKnowledge.StartsWithPrefaceAsync(pipe.Reader, CancellationToken.None));
        Assert.Equal(Preface + "frames", await ReadAllBufferedAsync(pipe.Reader));
    }

    [Fact]
    public async Task StartsWithPrefaceAsync_PrefaceInPieces_WaitsForTheRest()
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(Preface[..5]));

        var detection = H2cPriorKnowledge.StartsWithPrefaceAsync(pipe.Reader, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(detection.IsCompleted);
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(Preface[5..]));

        Assert.True(await detection);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\n")]
    [InlineData("POST /x HTTP/1.1\r\n")]
    [InlineData("PRI /other HTTP/1.1\r\n")]
    public async Task StartsWithPrefaceAsync_Http1Request_FalseAndNothingConsumed(string start)
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes(start));

        Assert.False(await H2cPriorKnowledge.StartsWithPrefaceAsync(pipe.Reader, CancellationToken.None));
        Assert.Equal(start, await ReadAllBufferedAsync(pipe.Reader));
    }

    [Fact]
    public async Task StartsWithPrefaceAsync_ClosedBeforeAnyByte_Null()
    {
        var pipe = CreatePipe();
        await pipe.Writer.CompleteAsync();

        Assert.Null(await H2cPriorKnowledge.StartsWithPrefaceAsync(pipe.Reader, CancellationToken.None));
    }

    [Fact]
    public async Task StartsWithPrefaceAsync_ClosedMidPreface_False()
    {
        var pipe = CreatePipe();
        await pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes("PRI * HT"));
        await pipe.Writer.CompleteAsync();

        Assert.False(await H2cPriorKnowledge.StartsWithPrefaceAsync(pipe.Reader, CancellationToken.None));
    }

    private static Pipe CreatePipe() => new();

    private static async Task<string> ReadAllBufferedAsync(PipeReader reader)
    {
        var result = await reader.ReadAsync();
        var text = Encoding.ASCII.GetString(result.Buffer);
        reader.AdvanceTo(result.Buffer.End);
        return text;
    }
}
