using System.Security.Cryptography;
using Gateway.Policies;
using Gateway.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Policies;

public sealed class KeyFileReaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gateway-key-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_RsaPublicKeyPem_OneKeyWithoutKid()
    {
        var keys = Read(TestSigningKey.SharedRsa.PublicPem, out _);

        Assert.IsType<RsaSecurityKey>(keys!.Groups.Single().Single());
        Assert.Equal(0, keys.Find("any-kid"));
    }

    [Fact]
    public void Read_EcPublicKeyPem_OneKey()
    {
        var keys = Read(TestSigningKey.SharedEc.PublicPem, out _);

        Assert.IsType<ECDsaSecurityKey>(keys!.Groups.Single().Single());
    }

    [Fact]
    public void Read_JwksDocument_KeysWithKids()
    {
        var keys = Read(TestSigningKey.Jwks(TestSigningKey.SharedRsa, TestSigningKey.SharedEc), out _);

        Assert.Equal(2, keys!.Count);
        Assert.True(keys.Find("ec-1") >= 0);
    }

    [Fact]
    public void Read_MissingFile_FailsWithReason()
    {
        Assert.Null(KeyFileReader.Read(_path, DateTimeOffset.UnixEpoch, out var error));
        Assert.Equal("no such file", error);
    }

    [Fact]
    public void Read_PrivateKeyPem_Refused()
    {
        using var rsa = RSA.Create(2048);

        Assert.Null(Read(rsa.ExportPkcs8PrivateKeyPem(), out var error));
        Assert.Contains("private key", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")]
    [InlineData("{\"keys\": []}")]
    public void Read_NoUsableKey_Fails(string text)
    {
        Assert.Null(Read(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    private JwtKeys? Read(string text, out string? error)
    {
        File.WriteAllText(_path, text);
        return KeyFileReader.Read(_path, DateTimeOffset.UnixEpoch, out error);
    }
}
