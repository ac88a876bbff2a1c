using System.Security.Cryptography;

namespace Gateway.Policies.ApiKeys;

/// <summary>The production comparer: <see cref="CryptographicOperations.FixedTimeEquals"/>, whose time depends on the
/// length of its inputs only, never on how many leading bytes match.</summary>
internal readonly struct FixedTimeKeyHashComparer : IKeyHashComparer
{
    /// <inheritdoc/>
    public bool Equals(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> presented) => CryptographicOperations.FixedTimeEquals(stored, presented);
}
