using System.Globalization;
using Gateway.Infra.StackFiles;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>The gateway container: image, listeners, configuration, probes, lifecycle and hardening.</summary>
public static partial class GatewayObjects
{
    /// <summary>The gateway container of <see cref="PodTemplate"/>.</summary>
    public static V1Container Container(StackConfig stack, GatewayRouteFile routes) => new()
    {
        Name = ObjectNames.Container,
        Image = stack.Image.ToString(),
        ImagePullPolicy = "IfNotPresent",
        Ports =
        [
            new V1ContainerPort { Name = ObjectNames.HttpPort, ContainerPort = routes.ListenPort, Protocol = "TCP" },
            new V1ContainerPort { Name = ObjectNames.AdminPort, ContainerPort = routes.AdminPort, Protocol = "TCP" },
        ],
        Env = Environment(stack, routes),
        Resources = Resources(stack.Resources),

        // Startup: up to 2 minutes to load the route table. Readiness: /readyz, so a pod without routes gets no traffic.
        // Liveness: /healthz, process health only, never a dependency, so an upstream outage does not restart pods.
        StartupProbe = AdminProbe("/readyz", periodSeconds: 2, failureThreshold: 60),
        ReadinessProbe = AdminProbe("/readyz", periodSeconds: 5, failureThreshold: 2),
        LivenessProbe = AdminProbe("/healthz", periodSeconds: 10, failureThreshold: 3),

        // The sleep action needs Kubernetes 1.30+ (beta, on by default); it needs no shell, which the image may not have.
        Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = PreStopSleepSeconds } } },
        SecurityContext = new V1SecurityContext
        {
            RunAsNonRoot = true,
            AllowPrivilegeEscalation = false,
            ReadOnlyRootFilesystem = true,
            Capabilities = new V1Capabilities { Drop = ["ALL"] },
        },
        VolumeMounts =
        [
            new V1VolumeMount { Name = "routes", MountPath = ObjectNames.RoutesMountPath, ReadOnlyProperty = true },
            new V1VolumeMount { Name = "tmp", MountPath = "/tmp" },
        ],
    };

    /// <summary>The gateway's configuration overrides (GatewayOptions keys) and the pod's identity.</summary>
    private static List<V1EnvVar> Environment(StackConfig stack, GatewayRouteFile routes)
    {
        var env = new List<V1EnvVar>
        {
            // routes.gw binds admin to 127.0.0.1, which kubelet probes and Prometheus cannot reach; the NetworkPolicy keeps it private.
            Variable("Gateway__Admin", "0.0.0.0:" + routes.AdminPort.ToString(CultureInfo.InvariantCulture)),
            Variable("Gateway__Listen", "0.0.0.0:" + routes.ListenPort.ToString(CultureInfo.InvariantCulture)),

            // Serve the mounted ConfigMap, so the pods run exactly the routes.gw this stack applied.
            Variable("Gateway__RoutesFile", ObjectNames.RoutesMountPath + "/" + ObjectNames.RoutesKey),
            FieldVariable("POD_NAME", "metadata.name"),
            FieldVariable("POD_NAMESPACE", "metadata.namespace"),
        };

        if (stack.Redis is { } redis)
        {
            env.Add(Variable("Gateway__Redis", redis));
        }

        return env;
    }

    /// <summary>Requests and limits from the stack; no CPU limit unless the stack sets one.</summary>
    private static V1ResourceRequirements Resources(ResourceSettings resources)
    {
        var limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(resources.MemoryLimit) };
        if (resources.CpuLimit is { } cpu)
        {
            limits["cpu"] = new(cpu);
        }

        return new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(resources.CpuRequest), ["memory"] = new(resources.MemoryRequest) },
            Limits = limits,
        };
    }

    /// <summary>An HTTP GET probe on the admin port, by name so the port number lives in one place.</summary>
    private static V1Probe AdminProbe(string path, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = ObjectNames.AdminPort },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
        TimeoutSeconds = 2,
    };

    /// <summary>A literal environment variable.</summary>
    private static V1EnvVar Variable(string name, string value) => new() { Name = name, Value = value };

    /// <summary>An environment variable from the downward API.</summary>
    private static V1EnvVar FieldVariable(string name, string fieldPath) =>
        new() { Name = name, ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = fieldPath } } };
}
