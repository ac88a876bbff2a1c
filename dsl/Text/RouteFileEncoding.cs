using System.Text;

namespace Gateway.Dsl.Text;

/// <summary>How route-file bytes become text, the same way for the gateway at run time as for the compiler at build time.</summary>
/// <remarks>
/// A route file is UTF-8, with or without a byte order mark. A UTF-16 file with a byte order mark is read as UTF-16,
/// as the compiler reads AdditionalFiles. Each byte sequence that is not UTF-8 becomes one U+FFFD, which the lexer
/// reports as GW0012 at its line and column; nothing is dropped or replaced silently. The compiler decodes a file that
/// is not UTF-8 with the system's fallback encoding, so <c>generator/RoutesGenerator.RouteFiles.cs</c> turns such text
/// back into its bytes and decodes them here.
/// </remarks>
public static class RouteFileEncoding
{
    // Replacement rather than exceptions: every bad sequence becomes one U+FFFD, so the lexer can report them all.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Decodes <paramref name="bytes"/>: UTF-8 after an optional UTF-8 byte order mark, or UTF-16 after a UTF-16 one.</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes is null)
        {
            throw new System.ArgumentNullException(nameof(bytes));
        }

        if (StartsWith(bytes, 0xEF, 0xBB, 0xBF))
        {
            return Utf8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (StartsWith(bytes, 0xFF, 0xFE))
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (StartsWith(bytes, 0xFE, 0xFF))
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        return Utf8.GetString(bytes);
    }

    private static bool StartsWith(byte[] bytes, params byte[] prefix)
    {
        if (bytes.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
