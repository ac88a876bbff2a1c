namespace Gateway.IntegrationTests.Common;

/// <summary>A response read off the wire by <see cref="RawHttpClient"/>: status, header lines as sent, decoded body.</summary>
/// <param name="Status">The status code from the status line.</param>
/// <param name="Headers">Every header line as (name, value), in order; a name sent twice appears twice.</param>
/// <param name="Body">The body, de-chunked, as text.</param>
public sealed record RawHttpResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    /// <summary>The values of every header line named <paramref name="name"/> (case-insensitive).</summary>
    public IEnumerable<string> Values(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>Whether any header line is named <paramref name="name"/>.</summary>
    public bool Has(string name) => Values(name).Any();
}
