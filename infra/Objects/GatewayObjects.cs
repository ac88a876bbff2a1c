using Gateway.Infra.Apply;
using Gateway.Infra.StackFiles;
using k8s;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>The gateway's Kubernetes objects as pure functions of a stack and its route file, one function per object.</summary>
/// <remarks>
/// Each function takes only <see cref="StackConfig"/> (and <see cref="GatewayRouteFile"/> where it needs ports or text) and
/// returns a new typed object, with no I/O and no cluster access. That is the shape of a Pulumi program: porting to
/// Pulumi.Kubernetes replaces each <c>k8s.Models</c> initializer with the matching <c>…Args</c> initializer, and the applier
/// with the engine. The object kinds live in <c>GatewayObjects.&lt;Kind&gt;.cs</c>.
/// </remarks>
public static partial class GatewayObjects
{
    /// <summary>Every object of the stack in apply order; the applier reverses it for destroy.</summary>
    /// <remarks>
    /// CRD first (cluster-scoped, and the applier waits for it to be Established); the namespace before anything in it;
    /// identity and RBAC before the pods that use them; the routes ConfigMap before the pods that mount it; the
    /// NetworkPolicy before the Deployment, so the admin port is never reachable without it; PDB and HPA after the
    /// Deployment they refer to.
    /// </remarks>
    public static DesiredState Build(StackConfig stack, GatewayRouteFile routes)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(routes);
        var objects = new List<IKubernetesObject<V1ObjectMeta>> { ApiDefinitionCrd(stack) };
        if (stack.CreateNamespace)
        {
            objects.Add(Namespace(stack));
        }

        objects.AddRange(
        [
            ServiceAccount(stack),
            ClusterRole(stack),
            ClusterRoleBinding(stack),
            LeaderElectionRole(stack),
            LeaderElectionRoleBinding(stack),
            RoutesConfigMap(stack, routes),
            Service(stack),
            NetworkPolicy(stack, routes),
            Deployment(stack, routes),
            PodDisruptionBudget(stack),
            HorizontalPodAutoscaler(stack),
        ]);
        return new DesiredState(stack.Name, stack.Namespace, objects);
    }

    /// <summary>Checks <paramref name="routesText"/> and builds the stack's objects, or returns the route file's errors.</summary>
    /// <param name="stack">The checked stack.</param>
    /// <param name="routesText">The text of <c>routes.gw</c>.</param>
    /// <param name="routesPath">How diagnostics name the file, e.g. <c>routes.gw</c>.</param>
    public static GatewayBuildResult Build(StackConfig stack, string routesText, string routesPath)
    {
        var read = RouteFileReader.Read(routesText, routesPath);
        return read.Routes is { } routes
            ? new GatewayBuildResult { State = Build(stack, routes), Errors = [] }
            : new GatewayBuildResult { Errors = read.Errors };
    }

    /// <summary>Metadata with the stack's labels; <paramref name="namespaced"/> false for cluster-scoped objects.</summary>
    private static V1ObjectMeta Metadata(StackConfig stack, string name, bool namespaced = true) => new()
    {
        Name = name,
        NamespaceProperty = namespaced ? stack.Namespace : null,
        Labels = ObjectLabels.For(stack, ObjectLabels.GatewayComponent),
    };
}
