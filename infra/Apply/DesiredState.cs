using k8s;
using k8s.Models;

namespace Gateway.Infra.Apply;

/// <summary>
/// Objects of one stack in apply order (CRD first, then ServiceAccount, RBAC, ConfigMap, Service, Deployment, PDB, HPA,
/// NetworkPolicy). The applier keeps this order for apply and reverses it for destroy.
/// </summary>
/// <param name="StackName">The stack's name; it names the ApplySet parent (<c>&lt;stack&gt;-applyset</c>).</param>
/// <param name="Namespace">The namespace of the stack's namespaced objects and of the ApplySet parent.</param>
/// <param name="Objects">Typed objects with <c>apiVersion</c>, <c>kind</c> and <c>metadata.name</c> set.</param>
public sealed record DesiredState(string StackName, string Namespace, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects);
