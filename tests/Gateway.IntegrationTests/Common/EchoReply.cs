using System.Text.Json;

namespace Gateway.IntegrationTests.Common;

/// <summary>What an <see cref="EchoUpstream"/> said it received.</summary>
/// <param name="Target">The request target as it came over the wire (path and query, still percent-encoded).</param>
public sealed record EchoReply(string Upstream, string Method, string Path, string Query, string Protocol, IReadOnlyDictionary<string, string> Headers,
    long BodyLength, string Target)
{
    /// <summary>Reads the echo JSON from a successful response.</summary>
    public static async Task<EchoReply> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads the echo JSON from a response read off the wire, which must be a 200.</summary>
    public static EchoReply Read(RawHttpResponse response)
    {
        Assert.True(response.Status == 200, $"status {response.Status}: {response.Body}");
        return Parse(response.Body);
    }

    private static EchoReply Parse(string text)
    {
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        return new EchoReply(
            root.GetProperty("upstream").GetString()!,
            root.GetProperty("method").GetString()!,
            root.GetProperty("path").GetString()!,
            root.GetProperty("query").GetString() ?? string.Empty,
            root.GetProperty("protocol").GetString()!,
            root.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            root.GetProperty("bodyLength").GetInt64(),
            root.GetProperty("target").GetString()!);
    }
}
