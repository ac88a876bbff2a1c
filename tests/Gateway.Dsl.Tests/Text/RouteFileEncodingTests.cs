using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Text;

/// <summary>Route-file bytes to text: UTF-8 with or without a byte order mark, UTF-16 by its mark, U+FFFD for bad bytes.</summary>
public sealed class RouteFileEncodingTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3, 0xA9 }, "a\u00e9")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x61, 0xC3, 0xA9 }, "a\u00e9")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x61, 0x00, 0xE9, 0x00 }, "a\u00e9")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x61, 0x00, 0xE9 }, "a\u00e9")]
    [InlineData(new byte[] { }, "")]
    public void Decode_ValidText_ReadsItWithoutTheByteOrderMark(byte[] bytes, string expected)
    {
        Assert.Equal(expected, Decode(bytes));
    }

    [Theory]
    [InlineData(new byte[] { 0x63, 0x61, 0x66, 0xE9 }, "caf\uFFFD")] // Latin-1 é
    [InlineData(new byte[] { 0xC3, 0xA9, 0xFF, 0xFE, 0x61 }, "\u00e9\uFFFD\uFFFDa")] // one U+FFFD per bad byte
    [InlineData(new byte[] { 0xE2, 0x82, 0x61 }, "\uFFFDa")] // a truncated three-byte sequence is one
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x80 }, "\uFFFD")] // after a byte order mark too
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "\uFFFD\uFFFD\uFFFD")] // an encoded surrogate is not UTF-8
    public void Decode_InvalidUtf8_PutsReplacementCharactersWhereTheBytesWere(byte[] bytes, string expected)
    {
        Assert.Equal(expected, Decode(bytes));
    }

    [Fact]
    public void Decode_InvalidByteAfterMultiByteCharacters_ParseReportsItsLineAndCharacterColumn()
    {
        // Each 'é' is two bytes but one column: the error is at column 19 of line 3, where byte counting would say 21.
        var bytes = "route r {\n  path /\n  respond 200 \"\u00e9\u00e9 "u8.ToArray().Append((byte)0xE9).Concat("\"\n}\n"u8.ToArray()).ToArray();

        var result = RouteFile.Parse(Decode(bytes), "r.gw");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("r.gw(3,19): error GW0012: the file is not valid UTF-8 here (read as U+FFFD); save it as UTF-8 and retype what stood here", diagnostic.ToString());
        Assert.Null(result.Table);
    }

    private static string Decode(byte[] bytes) => RouteFileEncoding.Decode(bytes);
}
