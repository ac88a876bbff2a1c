using Gateway.Infra.Objects;
using k8s.Models;

namespace Gateway.Infra.Tests.Objects;

/// <summary>The Deployment's zero-downtime and hardening properties, for every checked-in stack.</summary>
public sealed class DeploymentTests
{
    public static TheoryData<string> Stacks => Samples.StackNames;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Deployment_LeavesReplicasToTheAutoscaler_AndNeverDropsBelowReadyCount(string stackName)
    {
        var deployment = Create(stackName);

        Assert.Null(deployment.Spec.Replicas);
        Assert.Equal("RollingUpdate", deployment.Spec.Strategy.Type);
        Assert.Equal("0", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Deployment_Selector_IsStableSubsetOfPodLabels(string stackName)
    {
        var deployment = Create(stackName);
        var selector = deployment.Spec.Selector.MatchLabels;

        Assert.All(selector, pair => Assert.Equal(pair.Value, deployment.Spec.Template.Metadata.Labels[pair.Key]));

        // The selector is immutable; a version in it would make every release fail to apply.
        Assert.DoesNotContain("app.kubernetes.io/version", selector.Keys);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Container_Probes_UseTheAdminPortsHealthEndpoints(string stackName)
    {
        var container = Create(stackName).Spec.Template.Spec.Containers.Single();

        Assert.Equal("/readyz", container.StartupProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.All(new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe },
            probe => Assert.Equal("admin", probe.HttpGet.Port.Value));
        Assert.Equal(Samples.Routes().AdminPort, container.Ports.Single(p => p.Name == "admin").ContainerPort);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Container_Environment_BindsAdminOnAllAddressesAndReadsTheMountedRoutes(string stackName)
    {
        var env = Create(stackName).Spec.Template.Spec.Containers.Single().Env.ToDictionary(e => e.Name);

        // The repository's routes.gw binds admin to 127.0.0.1, which the kubelet cannot probe.
        Assert.Equal("0.0.0.0:9901", env["Gateway__Admin"].Value);
        Assert.Equal("0.0.0.0:8080", env["Gateway__Listen"].Value);
        Assert.Equal("/etc/gateway/routes.gw", env["Gateway__RoutesFile"].Value);
        Assert.Equal("metadata.name", env["POD_NAME"].ValueFrom.FieldRef.FieldPath);
    }

    [Fact]
    public void Container_Ports_ComeFromTheRouteFile()
    {
        var routes = Samples.Routes("listen 0.0.0.0:8181\nadmin 127.0.0.1:9191\nroute r {\n  path /\n  respond 200 \"ok\"\n}\n");
        var stack = Samples.Stack("dev");

        var container = GatewayObjects.Deployment(stack, routes).Spec.Template.Spec.Containers.Single();
        var policy = GatewayObjects.NetworkPolicy(stack, routes);

        Assert.Equal([8181, 9191], container.Ports.Select(p => p.ContainerPort));
        Assert.Equal("0.0.0.0:9191", container.Env.Single(e => e.Name == "Gateway__Admin").Value);
        Assert.Equal(["8181", "9191"], policy.Spec.Ingress.Select(r => r.Ports.Single().Port.Value));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void PodSecurity_IsNonRootReadOnlyWithoutCapabilities(string stackName)
    {
        var pod = Create(stackName).Spec.Template.Spec;
        var container = pod.Containers.Single();

        Assert.True(pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(1654, pod.SecurityContext.RunAsUser);
        Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);

        // A read-only root needs somewhere to write: .NET's temp files and diagnostics socket.
        Assert.Contains(container.VolumeMounts, m => m.MountPath == "/tmp");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Container_Resources_ComeFromTheStack(string stackName)
    {
        var stack = Samples.Stack(stackName);

        var resources = Create(stackName).Spec.Template.Spec.Containers.Single().Resources;

        Assert.Equal(stack.Resources.CpuRequest, resources.Requests["cpu"].ToString());
        Assert.Equal(stack.Resources.MemoryRequest, resources.Requests["memory"].ToString());
        Assert.Equal(stack.Resources.MemoryLimit, resources.Limits["memory"].ToString());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Shutdown_GracePeriodCoversPreStopPlusDrain(string stackName)
    {
        var pod = Create(stackName).Spec.Template.Spec;

        var preStop = pod.Containers.Single().Lifecycle.PreStop.Sleep.Seconds;

        // 30 s is .NET's default host shutdown timeout, during which Kestrel drains open requests.
        Assert.True(pod.TerminationGracePeriodSeconds > preStop + 30, $"grace {pod.TerminationGracePeriodSeconds}s, preStop {preStop}s");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void TopologySpread_CoversNodesAndZones(string stackName)
    {
        var spread = Create(stackName).Spec.Template.Spec.TopologySpreadConstraints;

        Assert.Equal(["topology.kubernetes.io/zone", "kubernetes.io/hostname"], spread.Select(s => s.TopologyKey));
        Assert.All(spread, s => Assert.Equal("gateway", s.LabelSelector.MatchLabels["app.kubernetes.io/name"]));
    }

    [Fact]
    public void PodTemplate_RoutesChecksum_ChangesExactlyWhenTheRouteFileDoes()
    {
        var stack = Samples.Stack("dev");
        const string Key = "gateway.example.com/routes-checksum";

        var original = GatewayObjects.Deployment(stack, Samples.Routes()).Spec.Template.Metadata.Annotations[Key];
        var again = GatewayObjects.Deployment(stack, Samples.Routes()).Spec.Template.Metadata.Annotations[Key];
        var edited = GatewayObjects.Deployment(stack, Samples.Routes(Samples.RoutesText + "\n# edited\n")).Spec.Template.Metadata.Annotations[Key];

        Assert.Equal(original, again);
        Assert.NotEqual(original, edited);
        Assert.Matches("^[0-9a-f]{64}$", original);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void PodTemplate_MountsTheRoutesConfigMapAndRunsAsTheServiceAccount(string stackName)
    {
        var pod = Create(stackName).Spec.Template.Spec;

        Assert.Equal(ObjectNames.App, pod.ServiceAccountName);
        var routes = pod.Volumes.Single(v => v.ConfigMap is not null);
        Assert.Equal(ObjectNames.RoutesConfigMap, routes.ConfigMap.Name);
        var mount = pod.Containers.Single().VolumeMounts.Single(m => m.Name == routes.Name);
        Assert.True(mount.ReadOnlyProperty);
        Assert.Null(mount.SubPath);
    }

    /// <summary>The subject: the Deployment of a checked-in stack over the pinned route file.</summary>
    private static V1Deployment Create(string stackName) => GatewayObjects.Deployment(Samples.Stack(stackName), Samples.Routes());
}
