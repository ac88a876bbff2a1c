using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Gateway.Routing;

/// <summary>Header and query checks that both matchers call; none of them allocates for ordinary requests.</summary>
public static class RequestConditions
{
    // Query components longer than this are decoded into a rented array rather than the stack.
    private const int StackDecodeLimit = 256;

    /// <summary>Whether the request has header <paramref name="name"/> (any value).</summary>
    public static bool HasHeader(IHeaderDictionary? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var values) && values.Count > 0;

    /// <summary>Whether the first value of header <paramref name="name"/> equals <paramref name="value"/> exactly.</summary>
    /// <remarks>Only the first value counts, so that <c>header v 1</c> and <c>header v 2</c> can never both match one
    /// request and need no priority between them (the differential tests found the tie "any value" allowed).</remarks>
    public static bool HeaderEquals(IHeaderDictionary? headers, string name, string value) =>
        headers is not null && headers.TryGetValue(name, out var values) && values.Count > 0 &&
        string.Equals(values[0], value, StringComparison.Ordinal);

    /// <summary>Whether the query has parameter <paramref name="name"/> (any value, even empty).</summary>
    public static bool HasQuery(ReadOnlySpan<char> query, string name) => FindQuery(query, name, value: null);

    /// <summary>Whether the first parameter <paramref name="name"/> of the query has the value <paramref name="value"/> (both percent-decoded).</summary>
    /// <remarks>Only the first occurrence counts, for the same reason as <see cref="HeaderEquals"/>.</remarks>
    public static bool QueryEquals(ReadOnlySpan<char> query, string name, string value) => FindQuery(query, name, value);

    private static bool FindQuery(ReadOnlySpan<char> query, string name, string? value)
    {
        if (query.Length > 0 && query[0] == '?')
        {
            query = query[1..];
        }

        while (query.Length > 0)
        {
            var amp = query.IndexOf('&');
            var pair = amp < 0 ? query : query[..amp];
            query = amp < 0 ? default : query[(amp + 1)..];
            var eq = pair.IndexOf('=');
            var rawName = eq < 0 ? pair : pair[..eq];
            var rawValue = eq < 0 ? default : pair[(eq + 1)..];
            if (ComponentEquals(rawName, name))
            {
                return value is null || ComponentEquals(rawValue, value);
            }
        }

        return false;
    }

    /// <summary>Compares a raw query component with <paramref name="expected"/> after decoding <c>+</c> and <c>%XX</c> (UTF-8).</summary>
    internal static bool ComponentEquals(ReadOnlySpan<char> raw, string expected)
    {
        if (raw.IndexOfAny('%', '+') < 0)
        {
            return raw.SequenceEqual(expected);
        }

        byte[]? rented = null;
        byte[]? rentedExpected = null;
        var bytes = raw.Length <= StackDecodeLimit ? stackalloc byte[StackDecodeLimit * 3] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length * 3));
        try
        {
            var length = Decode(raw, bytes);
            var expectedLength = Encoding.UTF8.GetByteCount(expected);
            if (length != expectedLength)
            {
                return false;
            }

            // Pooled like the decode buffer, so a long expected value does not allocate per request either.
            var expectedBytes = expectedLength <= StackDecodeLimit
                ? stackalloc byte[StackDecodeLimit]
                : (rentedExpected = ArrayPool<byte>.Shared.Rent(expectedLength));
            Encoding.UTF8.GetBytes(expected, expectedBytes);
            return bytes[..length].SequenceEqual(expectedBytes[..expectedLength]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            if (rentedExpected is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedExpected);
            }
        }
    }

    // Decodes form-style: '+' is a space, %XX is a byte, and a malformed escape stays as written.
    private static int Decode(ReadOnlySpan<char> raw, Span<byte> bytes)
    {
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '+')
            {
                bytes[length++] = (byte)' ';
            }
            else if (c == '%' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                bytes[length++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes[length++] = (byte)c;
            }
            else
            {
                length += Encoding.UTF8.GetBytes(raw.Slice(i, char.IsHighSurrogate(c) && i + 1 < raw.Length ? 2 : 1), bytes[length..]);
                if (char.IsHighSurrogate(c) && i + 1 < raw.Length)
                {
                    i++;
                }
            }
        }

        return length;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
