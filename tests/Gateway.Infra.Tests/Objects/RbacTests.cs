using Gateway.Infra.Objects;
using k8s.Models;

namespace Gateway.Infra.Tests.Objects;

/// <summary>Least privilege: the gateway's grants are exactly the listed verbs, bound to its own ServiceAccount only.</summary>
public sealed class RbacTests
{
    [Fact]
    public void ClusterRoleAndRole_GrantExactlyTheGatewaysNeeds()
    {
        var stack = Samples.Stack("dev");

        var granted = Grants(GatewayObjects.ClusterRole(stack).Rules)
            .Concat(Grants(GatewayObjects.LeaderElectionRole(stack).Rules))
            .Order()
            .ToList();

        string[] expected =
        [
            "coordination.k8s.io/leases:create",
            "coordination.k8s.io/leases:get",
            "coordination.k8s.io/leases:update",
            "discovery.k8s.io/endpointslices:get",
            "discovery.k8s.io/endpointslices:list",
            "discovery.k8s.io/endpointslices:watch",
            "gateway.example.com/apidefinitions/status:patch",
            "gateway.example.com/apidefinitions:get",
            "gateway.example.com/apidefinitions:list",
            "gateway.example.com/apidefinitions:watch",
        ];
        Assert.Equal(expected.Order(), granted);
    }

    [Fact]
    public void Roles_HaveNoWildcardsAndNoResourceNamesLoophole()
    {
        var stack = Samples.Stack("dev");

        foreach (var rule in GatewayObjects.ClusterRole(stack).Rules.Concat(GatewayObjects.LeaderElectionRole(stack).Rules))
        {
            Assert.DoesNotContain("*", rule.Verbs);
            Assert.DoesNotContain("*", rule.Resources);
            Assert.DoesNotContain("*", rule.ApiGroups);
            Assert.Null(rule.NonResourceURLs);
        }
    }

    [Fact]
    public void LeaderElection_IsNamespacedToTheGateway()
    {
        var stack = Samples.Stack("dev");

        var role = GatewayObjects.LeaderElectionRole(stack);

        Assert.Equal(stack.Namespace, role.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Bindings_ReferToTheirRolesAndTheGatewayServiceAccount()
    {
        var stack = Samples.Stack("dev");
        var account = GatewayObjects.ServiceAccount(stack);
        var clusterRole = GatewayObjects.ClusterRole(stack);
        var clusterBinding = GatewayObjects.ClusterRoleBinding(stack);
        var role = GatewayObjects.LeaderElectionRole(stack);
        var binding = GatewayObjects.LeaderElectionRoleBinding(stack);

        Assert.Equal(("ClusterRole", clusterRole.Metadata.Name), (clusterBinding.RoleRef.Kind, clusterBinding.RoleRef.Name));
        Assert.Equal(("Role", role.Metadata.Name), (binding.RoleRef.Kind, binding.RoleRef.Name));
        foreach (var subject in clusterBinding.Subjects.Concat(binding.Subjects))
        {
            Assert.Equal(("ServiceAccount", account.Metadata.Name, stack.Namespace), (subject.Kind, subject.Name, subject.NamespaceProperty));
        }
    }

    [Fact]
    public void ClusterScopedNames_IncludeTheNamespace_SoStacksDoNotCollide()
    {
        var dev = Samples.Stack("dev");
        var prod = Samples.Stack("prod");

        Assert.NotEqual(GatewayObjects.ClusterRole(dev).Metadata.Name, GatewayObjects.ClusterRole(prod).Metadata.Name);
        Assert.Contains(dev.Namespace, GatewayObjects.ClusterRoleBinding(dev).Metadata.Name, StringComparison.Ordinal);
    }

    /// <summary>Each (group, resource, verb) a rule list grants, as <c>group/resource:verb</c>.</summary>
    private static IEnumerable<string> Grants(IEnumerable<V1PolicyRule> rules) =>
        from rule in rules
        from apiGroup in rule.ApiGroups
        from resource in rule.Resources
        from verb in rule.Verbs
        select $"{apiGroup}/{resource}:{verb}";
}
