using Gateway.Infra.StackFiles;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>The gateway's Deployment and pod template; the container is in <c>GatewayObjects.Container.cs</c>.</summary>
public static partial class GatewayObjects
{
    /// <summary>The uid and gid of the <c>app</c> user in the .NET 8+ base images (and of the Dockerfile's runtime stage).</summary>
    public const long AppUserId = 1654;

    /// <summary>Seconds the pod keeps serving after it is marked terminating, while endpoints and load balancers drop it.</summary>
    public const long PreStopSleepSeconds = 10;

    /// <summary>Seconds from delete to SIGKILL: preStop (10) + .NET's default host shutdown timeout (30) + margin (5).</summary>
    public const long TerminationGracePeriodSeconds = 45;

    /// <summary>The gateway Deployment: rolls one surge pod at a time and never drops below the current ready count.</summary>
    public static V1Deployment Deployment(StackConfig stack, GatewayRouteFile routes) => new()
    {
        ApiVersion = V1Deployment.KubeGroup + "/" + V1Deployment.KubeApiVersion,
        Kind = V1Deployment.KubeKind,
        Metadata = Metadata(stack, ObjectNames.App),
        Spec = new V1DeploymentSpec
        {
            // No replicas: the HPA owns that field. Under server-side apply our manager would own it too, and every
            // `up` would reset the count the HPA chose.
            RevisionHistoryLimit = 5,
            MinReadySeconds = 10,
            ProgressDeadlineSeconds = 300,
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 },
            },
            Selector = new V1LabelSelector { MatchLabels = ObjectLabels.Selector(stack) },
            Template = PodTemplate(stack, routes),
        },
    };

    /// <summary>The pod template: identity, hardening, spreading, and the checksum that ties pods to one version of routes.gw.</summary>
    public static V1PodTemplateSpec PodTemplate(StackConfig stack, GatewayRouteFile routes) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Labels = ObjectLabels.For(stack, ObjectLabels.GatewayComponent),

            // The ConfigMap changes in place; a changed annotation changes the template, which starts a rolling update.
            Annotations = new Dictionary<string, string> { [ObjectNames.RoutesChecksumAnnotation] = routes.Checksum },
        },
        Spec = new V1PodSpec
        {
            ServiceAccountName = ObjectNames.App,
            TerminationGracePeriodSeconds = TerminationGracePeriodSeconds,
            SecurityContext = new V1PodSecurityContext
            {
                RunAsNonRoot = true,
                RunAsUser = AppUserId,
                RunAsGroup = AppUserId,
                FsGroup = AppUserId,
                SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
            },
            TopologySpreadConstraints =
            [
                // Zones: best effort, because a cluster may have fewer zones than pods.
                Spread(stack, "topology.kubernetes.io/zone", "ScheduleAnyway"),

                // Nodes: strict, so one node failure takes at most one more pod than any other node holds.
                Spread(stack, "kubernetes.io/hostname", "DoNotSchedule"),
            ],
            Containers = [Container(stack, routes)],
            Volumes =
            [
                // No subPath mount: subPath mounts never see ConfigMap updates.
                new V1Volume { Name = "routes", ConfigMap = new V1ConfigMapVolumeSource { Name = ObjectNames.RoutesConfigMap } },

                // The root filesystem is read-only; .NET needs a writable /tmp for its diagnostics socket and temp files.
                new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity("64Mi") } },
            ],
        },
    };

    /// <summary>Spreads the gateway's pods across <paramref name="topologyKey"/>.</summary>
    /// <remarks><c>pod-template-hash</c> makes each ReplicaSet spread on its own, so a rollout does not count old pods.</remarks>
    private static V1TopologySpreadConstraint Spread(StackConfig stack, string topologyKey, string whenUnsatisfiable) => new()
    {
        MaxSkew = 1,
        TopologyKey = topologyKey,
        WhenUnsatisfiable = whenUnsatisfiable,
        LabelSelector = new V1LabelSelector { MatchLabels = ObjectLabels.Selector(stack) },
        MatchLabelKeys = ["pod-template-hash"],
    };
}
