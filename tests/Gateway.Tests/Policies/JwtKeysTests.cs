using Gateway.Policies;
using Gateway.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Policies;

public sealed class JwtKeysTests
{
    [Fact]
    public void Find_KidOfAKey_ReturnsItsGroup()
    {
        var keys = CreateKeys(TestSigningKey.SharedRsa, TestSigningKey.SharedEc);

        Assert.Same(TestSigningKey.SharedEc.SecurityKey, keys.Groups[keys.Find("ec-1")].Single());
        Assert.Same(TestSigningKey.SharedRsa.SecurityKey, keys.Groups[keys.Find("rsa-1")].Single());
    }

    [Fact]
    public void Find_NoKidWithSeveralKeys_FindsNone()
    {
        Assert.Equal(-1, CreateKeys(TestSigningKey.SharedRsa, TestSigningKey.SharedEc).Find(null));
    }

    [Fact]
    public void Find_UnknownKid_FindsNone()
    {
        Assert.Equal(-1, CreateKeys(TestSigningKey.SharedRsa, TestSigningKey.SharedEc).Find("rsa-2"));
        Assert.Equal(-1, CreateKeys(TestSigningKey.SharedRsa).Find("rsa-2"));
    }

    [Fact]
    public void Find_NoKidWithOneKey_FindsTheKey()
    {
        Assert.Equal(0, CreateKeys(TestSigningKey.SharedRsa).Find(null));
    }

    [Fact]
    public void Find_AnyKidWithOneKeyWithoutKid_FindsTheKey()
    {
        var keys = CreateKeys(TestSigningKey.SharedRsa.WithKid(null));

        Assert.Equal(0, keys.Find("whatever"));
        Assert.Equal(0, keys.Find(null));
    }

    [Fact]
    public void Constructor_OneKidTwice_OneGroupOfBoth()
    {
        var keys = CreateKeys(TestSigningKey.SharedRsa.WithKid("k"), TestSigningKey.SharedEc.WithKid("k"));

        Assert.Single(keys.Groups);
        Assert.Equal(2, keys.Groups[keys.Find("k")].Count);
        Assert.Equal(2, keys.Count);
    }

    [Fact]
    public void Constructor_KeysWithoutKid_EachItsOwnGroup()
    {
        var keys = CreateKeys(TestSigningKey.SharedRsa.WithKid(null), TestSigningKey.SharedEc.WithKid(null));

        Assert.Equal(2, keys.Groups.Count);
        Assert.Equal(-1, keys.Find(null));
    }

    private static JwtKeys CreateKeys(params TestSigningKey[] keys) =>
        new(keys.Select(k => (SecurityKey)k.SecurityKey).ToArray(), DateTimeOffset.UnixEpoch);
}
