using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Policies.ApiKeys;

/// <summary>The SHA-256 of an API key's UTF-8 bytes: the only form in which the gateway keeps or compares keys.</summary>
public static class ApiKeyHash
{
    /// <summary>The size of a hash in bytes.</summary>
    public const int Size = SHA256.HashSizeInBytes;

    // Keys up to this many UTF-8 bytes are encoded on the stack; longer ones in a pooled buffer.
    private const int StackLimit = 256;

    /// <summary>Writes the hash of <paramref name="key"/> to <paramref name="destination"/> (<see cref="Size"/> bytes).</summary>
    public static void Compute(ReadOnlySpan<char> key, Span<byte> destination)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = Encoding.UTF8.GetBytes(key, buffer);
            SHA256.HashData(buffer[..written], destination);
        }
        finally
        {
            if (rented is not null)
            {
                // The buffer held a secret; clear it before another caller rents it.
                CryptographicOperations.ZeroMemory(rented.AsSpan(0, length));
                ArrayPool<byte>.Shared.Return(rented);
            }
            else
            {
                CryptographicOperations.ZeroMemory(buffer);
            }
        }
    }
}
