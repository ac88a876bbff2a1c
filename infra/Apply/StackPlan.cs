using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace Gateway.Infra.Apply;

/// <summary>
/// A <see cref="DesiredState"/> made ready to send: each object as a JSON apply body with <c>apiVersion</c>, <c>kind</c>,
/// its namespace and the ApplySet part-of label, plus the ApplySet parent's identity. Built once per command, before any
/// request, so a malformed object is reported without touching the cluster.
/// </summary>
public sealed record StackPlan(DesiredState State, ObjectRef Parent, string Id, IReadOnlyList<DesiredObject> Members)
{
    /// <summary>The member kinds, sorted, as the parent records them.</summary>
    public IReadOnlyList<string> GroupKinds => Members.Select(m => m.Ref.Kind.GroupKind).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Member namespaces other than the stack's own.</summary>
    public IReadOnlyList<string> AdditionalNamespaces =>
        Members.Select(m => m.Ref.Namespace).OfType<string>().Where(ns => ns != State.Namespace).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The kinds the plan uses together with those <paramref name="recorded"/> lists: every kind a live member
    /// may have, including ones an earlier run applied.</summary>
    public IEnumerable<string> GroupKindsWith(ApplySetParent recorded) => GroupKinds.Union(recorded.GroupKinds);

    /// <summary>The additional namespaces of the plan together with those <paramref name="recorded"/> lists.</summary>
    public IEnumerable<string> AdditionalNamespacesWith(ApplySetParent recorded) => AdditionalNamespaces.Union(recorded.AdditionalNamespaces);

    /// <summary>The parent body recording the plan's kinds and namespaces and those already <paramref name="recorded"/>,
    /// so that a run that stops before prune cannot hide an older member from the next one.</summary>
    public DesiredObject ParentObjectWith(ApplySetParent recorded) => ParentObject(GroupKindsWith(recorded), AdditionalNamespacesWith(recorded));

    /// <summary>True when <paramref name="target"/> is one of the desired members.</summary>
    public bool Contains(ObjectRef target) => IndexOf(target) >= 0;

    /// <summary>The position of <paramref name="target"/> among the desired members, or -1.</summary>
    public int IndexOf(ObjectRef target)
    {
        for (var i = 0; i < Members.Count; i++)
        {
            if (Members[i].Ref.SameObject(target))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The parent's apply body recording <paramref name="groupKinds"/> and <paramref name="additionalNamespaces"/>.</summary>
    public DesiredObject ParentObject(IEnumerable<string> groupKinds, IEnumerable<string> additionalNamespaces) =>
        new(Parent, ApplySet.ParentBody(Parent, Id, groupKinds, additionalNamespaces));

    /// <summary>Builds the plan; problems (missing names, unknown kinds, duplicates) come back as messages, not exceptions.</summary>
    public static StackPlan Build(DesiredState state, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var parent = new ObjectRef(ResourceKindCatalog.Secret, state.Namespace, ApplySet.ParentName(state.StackName));
        var id = ApplySet.ComputeId(parent.Name, state.Namespace, parent.Kind);
        var members = new List<DesiredObject>();
        foreach (var (obj, index) in state.Objects.Select((o, i) => (o, i)))
        {
            var member = ToDesired(obj, index, state.Namespace, id, found);
            if (member is null)
            {
                continue;
            }

            if (member.Ref.SameObject(parent))
            {
                found.Add($"object {index + 1}: {member.Ref} has the ApplySet parent's name; rename it");
            }
            else if (members.Any(m => m.Ref.SameObject(member.Ref)))
            {
                found.Add($"object {index + 1}: {member.Ref} appears twice in the stack");
            }
            else
            {
                members.Add(member);
            }
        }

        problems = found;
        return new StackPlan(state, parent, id, members);
    }

    private static DesiredObject? ToDesired(IKubernetesObject<V1ObjectMeta>? obj, int index, string stackNamespace, string id, List<string> problems)
    {
        if (obj is null)
        {
            problems.Add($"object {index + 1} is null");
            return null;
        }

        // Serialize a copy: the caller's typed objects stay as they were built.
        var body = JsonNode.Parse(KubernetesJson.Serialize(obj)) as JsonObject ?? new JsonObject();
        var entity = ResourceKindCatalog.FromEntity(obj.GetType(), namespaced: !string.IsNullOrEmpty(obj.Metadata?.NamespaceProperty));

        // KubernetesClient's typed models leave apiVersion and kind null; server-side apply needs both.
        var apiVersion = obj.ApiVersion ?? entity?.ApiVersion;
        var kindName = obj.Kind ?? entity?.Kind;
        var name = obj.Metadata?.Name;
        if (string.IsNullOrEmpty(name) || apiVersion is null || kindName is null)
        {
            problems.Add($"object {index + 1} ({kindName ?? obj.GetType().Name}) needs apiVersion, kind and metadata.name");
            return null;
        }

        var kind = ResourceKindCatalog.Find(apiVersion, kindName) ?? (entity?.ApiVersion == apiVersion && entity.Kind == kindName ? entity : null);
        if (kind is null)
        {
            problems.Add($"object {index + 1}: {apiVersion} {kindName} \"{name}\" is a kind the applier does not know; add it to ResourceKindCatalog");
            return null;
        }

        body["apiVersion"] = apiVersion;
        body["kind"] = kindName;
        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        body["metadata"] = metadata;

        // The URL decides the scope; the API server clears a namespace on cluster-scoped objects, so the applier does too.
        var @namespace = kind.Namespaced ? obj.Metadata!.NamespaceProperty ?? stackNamespace : null;
        if (@namespace is null)
        {
            metadata.Remove("namespace");
        }
        else
        {
            metadata["namespace"] = @namespace;
        }

        if (metadata["labels"] is not JsonObject labels)
        {
            labels = new JsonObject();
            metadata["labels"] = labels;
        }

        labels[ApplySet.PartOfLabel] = id;
        return new DesiredObject(new ObjectRef(kind, @namespace, name), body);
    }
}
