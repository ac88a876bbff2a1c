using Gateway.Infra.Apply;

namespace Gateway.Infra.Tests.Apply;

/// <summary>The ApplySet id must equal kubectl's, or kubectl and this tool would not recognise each other's sets.</summary>
public sealed class ApplySetTests
{
    [Fact]
    public void ComputeId_SecretParent_MatchesKubectlFormat()
    {
        var id = ApplySet.ComputeId("dev-applyset", "gw", ResourceKindCatalog.Secret);

        Assert.Equal(TestStack.DevApplySetId, id);
    }
}
