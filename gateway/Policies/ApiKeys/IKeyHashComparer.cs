namespace Gateway.Policies.ApiKeys;

/// <summary>Compares two SHA-256 hashes of API keys; <see cref="ApiKeySet"/> calls it once for every entry it holds.</summary>
/// <remarks>A struct constraint lets the JIT specialise <see cref="ApiKeySet.Find{TComparer}"/> for the production
/// comparer, so the seam costs nothing; tests pass a counting comparer through the same method.</remarks>
internal interface IKeyHashComparer
{
    /// <summary>Whether <paramref name="stored"/> and <paramref name="presented"/> are equal.</summary>
    bool Equals(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> presented);
}
