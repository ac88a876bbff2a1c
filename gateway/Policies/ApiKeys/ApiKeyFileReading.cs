namespace Gateway.Policies.ApiKeys;

/// <summary>What reading a keys file gave: its keys and the lines that were skipped, or why the file as a whole cannot
/// be used.</summary>
/// <param name="Keys">The keys, or null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the whole file is unusable (not UTF-8 text, too large, no usable line), or null.</param>
/// <param name="Problems">Lines that were skipped, in file order.</param>
public sealed record ApiKeyFileReading(ApiKeySet? Keys, string? Error, IReadOnlyList<ApiKeyFileProblem> Problems)
{
    /// <summary>A reading of a file that cannot be used.</summary>
    public static ApiKeyFileReading Failed(string error) => new(null, error, Array.Empty<ApiKeyFileProblem>());
}
