using Gateway.Policies;
using Gateway.Routing;

namespace Gateway.Tests.Policies;

/// <summary>Every policy directive the language accepts has a gateway implementation: the C# stand-in for an interface
/// guard, so a keyword added to the dsl cannot silently do nothing at run time.</summary>
public sealed class PolicyCatalogTests
{
    [Fact]
    public void Build_PoliciesCase_BuildsAPolicyForEveryDirective()
    {
        // tests/cases/valid/policies.gw uses every policy directive (the case corpus keeps it checking clean).
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cases", "valid", "policies.gw"));

        var snapshot = RouteTableLoader.TryLoad(RouteSource.Interpreted(text, "policies.gw"), out var result);

        Assert.True(snapshot is not null, string.Join("\n", result.Diagnostics));
        var built = Enumerable.Range(0, snapshot!.RouteCount).Select(snapshot.GetRoute)
            .SelectMany(route => route.Policies.Policies.Select(p => p.GetType().Name))
            .ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                nameof(CorsPolicy), nameof(JwtPolicy), nameof(ApiKeyPolicy), nameof(RequirePolicy), nameof(ExternalAuthPolicy),
                nameof(IdentityHeaderPolicy), nameof(RequestHeaderPolicy), "TenantTagPolicy",
            },
            built);
    }
}
