using System.Security.Cryptography;
using System.Text;
using Gateway.Policies.ApiKeys;

namespace Gateway.Tests.Policies.ApiKeys;

public sealed class ApiKeyFileTests
{
    [Fact]
    public void Parse_PairsCommentsAndBlankLines_ReadsEveryPair()
    {
        var reading = Parse("# partners\n\nacme   key-one\r\n  globex\tkey-two  \n# acme rotates:\nacme key-three\n");

        Assert.Null(reading.Error);
        Assert.Empty(reading.Problems);
        var keys = reading.Keys!;
        Assert.Equal(3, keys.Count);
        Assert.Equal(2, keys.ConsumerCount);
        Assert.Equal("acme", keys.Find("key-one"));
        Assert.Equal("globex", keys.Find("key-two"));
        Assert.Equal("acme", keys.Find("key-three"));
        Assert.Null(keys.Find("key-four"));
    }

    [Fact]
    public void Parse_HashedKey_MatchesTheKeyItHashes()
    {
        var hex = Convert.ToHexString(SHA256.HashData("s3cret"u8)).ToLowerInvariant();

        var keys = Parse($"acme sha256:{hex}\n").Keys!;

        Assert.Equal("acme", keys.Find("s3cret"));
        Assert.Null(keys.Find("sha256:" + hex));
    }

    [Fact]
    public void Parse_HashInUpperCase_IsAccepted()
    {
        var hex = Convert.ToHexString(SHA256.HashData("s3cret"u8));

        Assert.Equal("acme", Parse($"acme sha256:{hex}").Keys!.Find("s3cret"));
    }

    [Fact]
    public void Parse_BadLines_SkippedAndReportedByNumber()
    {
        var reading = Parse("acme good-key\nlonely\nacme good-key\nx a b\nacme sha256:abc\nacme sha256:" + new string('g', 64) + "\nbad\u00e9name k\n");

        Assert.Null(reading.Error);
        Assert.Equal("acme", reading.Keys!.Find("good-key"));
        Assert.Equal(1, reading.Keys.Count);
        Assert.Equal([2, 3, 4, 5, 6, 7], reading.Problems.Select(p => p.Line));
        Assert.Contains("no key", reading.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("the key is the same as on line 1", reading.Problems[1].Message);
        Assert.Contains("more than two fields", reading.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("64 hex digits", reading.Problems[3].Message, StringComparison.Ordinal);
        Assert.Contains("64 hex digits", reading.Problems[4].Message, StringComparison.Ordinal);
        Assert.Contains("printable ASCII", reading.Problems[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameKeyAsPlainAndAsHash_SecondIsDuplicate()
    {
        var hex = Convert.ToHexString(SHA256.HashData("k"u8));

        var reading = Parse($"acme k\nglobex sha256:{hex}\n");

        Assert.Equal("acme", reading.Keys!.Find("k"));
        Assert.Equal(2, Assert.Single(reading.Problems).Line);
    }

    [Fact]
    public void Parse_ProblemMessages_NeverQuoteTheLine()
    {
        var reading = Parse("acme secret-one secret-two\nsecret-three\n");

        Assert.All(reading.Problems, p => Assert.DoesNotContain("secret", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OnlyCommentsAndBlanks_UsableWithNoKeys()
    {
        var reading = Parse("# every key revoked\n\n");

        Assert.Null(reading.Error);
        Assert.Equal(0, reading.Keys!.Count);
    }

    [Fact]
    public void Parse_LinesButNoUsableKey_Fails()
    {
        var reading = Parse("this is not a keys file at all\n");

        Assert.Null(reading.Keys);
        Assert.Equal("no line holds a usable key", reading.Error);
    }

    [Fact]
    public void Parse_NotUtf8_Fails()
    {
        var reading = ApiKeyFile.Parse([(byte)'a', (byte)' ', 0xC3, 0x28]);

        Assert.Null(reading.Keys);
        Assert.Equal("it is not UTF-8 text", reading.Error);
    }

    [Fact]
    public void Parse_ControlCharacter_Fails()
    {
        var reading = Parse("acme key\nglobex ke\u0000y\n");

        Assert.Null(reading.Keys);
        Assert.Equal("line 2 holds the control character U+0000", reading.Error);
    }

    [Fact]
    public void Parse_LargerThanLimit_Fails()
    {
        var reading = ApiKeyFile.Parse(new byte[ApiKeyFile.MaxBytes + 1]);

        Assert.Null(reading.Keys);
        Assert.Contains("larger than", reading.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ByteOrderMark_Skipped()
    {
        var reading = ApiKeyFile.Parse([0xEF, 0xBB, 0xBF, .. "acme k"u8]);

        Assert.Equal("acme", reading.Keys!.Find("k"));
    }

    [Fact]
    public void Parse_KeyWithHashCharacter_IsPartOfTheKey()
    {
        Assert.Equal("acme", Parse("acme k#1\n").Keys!.Find("k#1"));
    }

    private static ApiKeyFileReading Parse(string text) => ApiKeyFile.Parse(Encoding.UTF8.GetBytes(text));
}
