using Gateway.Infra.StackFiles;

namespace Gateway.Infra.Tests.StackFiles;

/// <summary>Splitting image references: the tag is after the last colon of the last path segment, never a registry port.</summary>
public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("gateway:1.0", "gateway", "1.0", null)]
    [InlineData("ghcr.io/org/gateway:1.2.3", "ghcr.io/org/gateway", "1.2.3", null)]
    [InlineData("localhost:5000/gateway:dev", "localhost:5000/gateway", "dev", null)]
    [InlineData("ghcr.io/org/gateway:1.0@sha256:abc", "ghcr.io/org/gateway", "1.0", "sha256:abc")]
    public void TryParse_TaggedReference_Splits(string text, string repository, string tag, string? digest)
    {
        var image = ImageReference.TryParse(text)!;

        Assert.Equal((repository, tag, digest), (image.Repository, image.Tag, image.Digest));
        Assert.Equal(text, image.ToString());
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("localhost:5000/gateway")]
    [InlineData("gateway:")]
    [InlineData("ghcr.io/org/gateway@sha256:abc")]
    [InlineData("gateway:1.0@")]
    public void TryParse_NoTag_ReturnsNull(string text) => Assert.Null(ImageReference.TryParse(text));
}
