using System.Text;

namespace Gateway.Hosting;

/// <summary>Decodes request <c>Connection</c> header lines, strictly as UTF-8, and records each one for
/// <see cref="ConnectionHeaderCapture"/> before Kestrel can rewrite the header.</summary>
/// <remarks>
/// Kestrel calls <see cref="Encoding.GetString(ReadOnlySpan{byte})"/>, which reaches <see cref="GetChars(byte[], int, int, char[], int)"/>
/// through the base class's pointer overloads (they copy into arrays; a cost paid for Connection lines only). Invalid
/// UTF-8 and NUL throw <see cref="DecoderFallbackException"/>, which Kestrel answers with 400 as it does for any header
/// its default decoding rejects. A subclass of <see cref="Encoding"/>, which is designed for inheritance.
/// </remarks>
public sealed class ConnectionHeaderEncoding : Encoding
{
    /// <summary>The shared instance; it holds no state of its own.</summary>
    public static readonly ConnectionHeaderEncoding Instance = new();

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ConnectionHeaderEncoding()
    {
    }

    /// <inheritdoc/>
    public override int GetByteCount(char[] chars, int index, int count) => Strict.GetByteCount(chars, index, count);

    /// <inheritdoc/>
    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Strict.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    /// <inheritdoc/>
    public override int GetCharCount(byte[] bytes, int index, int count)
    {
        RejectNul(bytes.AsSpan(index, count));
        return Strict.GetCharCount(bytes, index, count);
    }

    /// <summary>Decodes the line and records it.</summary>
    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        RejectNul(bytes.AsSpan(byteIndex, byteCount));
        var written = Strict.GetChars(bytes, byteIndex, byteCount, chars, charIndex);
        ConnectionHeaderCapture.Record(new string(chars, charIndex, written));
        return written;
    }

    /// <inheritdoc/>
    public override int GetMaxByteCount(int charCount) => Strict.GetMaxByteCount(charCount);

    /// <inheritdoc/>
    public override int GetMaxCharCount(int byteCount) => Strict.GetMaxCharCount(byteCount);

    // Kestrel's default decoding rejects NUL in header values; UTF-8 alone would let it through.
    private static void RejectNul(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            throw new DecoderFallbackException("The Connection header contains a NUL character.");
        }
    }
}
