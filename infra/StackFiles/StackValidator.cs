using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace Gateway.Infra.StackFiles;

/// <summary>Checks a stack file's values and turns them into a <see cref="StackConfig"/>; reports every problem, not only the first.</summary>
/// <remarks>Each message names the field, says what is wrong with the value, and says what to write instead (docs/diagnostics.md).</remarks>
internal static partial class StackValidator
{
    /// <summary>The HPA floor: one pod can be drained or evicted (PDB maxUnavailable 1) while another keeps serving.</summary>
    public const int MinReplicasFloor = 2;

    /// <summary>The service types a stack may choose; ExternalName would not route to the gateway's pods.</summary>
    public static readonly IReadOnlyList<string> ServiceTypes = ["ClusterIP", "NodePort", "LoadBalancer"];

    /// <summary>Returns the checked stack, or null after adding one message per problem to <paramref name="problems"/>.</summary>
    public static StackConfig? Validate(string name, StackFile file, List<string> problems)
    {
        var ns = file.Namespace;
        if (ns is null)
        {
            problems.Add("namespace is required; write the namespace the gateway runs in, e.g. \"namespace\": \"gateway\"");
        }
        else if (!IsDnsLabel(ns))
        {
            problems.Add($"namespace '{ns}' is not a DNS label; use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
        }

        var image = CheckImage(file.Image, problems);
        var replicas = CheckReplicas(file.Replicas, problems);
        var resources = CheckResources(file.Resources, problems);

        var serviceType = file.ServiceType ?? "ClusterIP";
        if (!ServiceTypes.Contains(serviceType, StringComparer.Ordinal))
        {
            problems.Add($"serviceType '{serviceType}' is not supported; use one of {string.Join(", ", ServiceTypes)}");
        }

        var hosts = file.Hosts ?? [];
        foreach (var host in hosts.Where(h => h.Length > 253 || !HostnamePattern().IsMatch(h)))
        {
            problems.Add($"hosts: '{host}' is not a lower-case DNS name; write e.g. \"api.example.com\" or \"*.example.com\"");
        }

        if (file.Redis is { } redis && !IsHostPort(redis))
        {
            problems.Add($"redis '{redis}' is not host:port; write e.g. \"redis.gateway.svc.cluster.local:6379\", or leave redis out");
        }

        var monitoring = file.MonitoringNamespaces ?? [];
        foreach (var monitor in monitoring.Where(m => !IsDnsLabel(m)))
        {
            problems.Add($"monitoringNamespaces: '{monitor}' is not a namespace name (a DNS label)");
        }

        if (problems.Count > 0 || ns is null || image is null || replicas is null || resources is null)
        {
            return null;
        }

        return new StackConfig
        {
            Name = name,
            Namespace = ns,
            CreateNamespace = file.CreateNamespace ?? true,
            Image = image,
            Replicas = replicas,
            Resources = resources,
            ServiceType = serviceType,
            Hosts = hosts,
            Redis = file.Redis,
            MonitoringNamespaces = monitoring,
        };
    }

    /// <summary>Whether <paramref name="text"/> is a DNS-1123 label (namespace and stack names).</summary>
    public static bool IsDnsLabel(string text) => text.Length <= 63 && DnsLabelPattern().IsMatch(text);

    /// <summary>Checks that the image is present and carries a tag.</summary>
    private static ImageReference? CheckImage(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("image is required; write the gateway image with a tag, e.g. \"image\": \"ghcr.io/example/gateway:1.0.0\"");
            return null;
        }

        // A tag is required: it becomes the version label, and an untagged image means ':latest', which does not roll.
        var image = ImageReference.TryParse(text);
        if (image is null || text.Any(char.IsWhiteSpace))
        {
            problems.Add($"image '{text}' has no tag; write it as repository:tag, e.g. \"ghcr.io/example/gateway:1.0.0\"");
            return null;
        }

        if (!LabelValuePattern().IsMatch(image.Tag) || image.Tag.Length > 63)
        {
            problems.Add($"image tag '{image.Tag}' is not usable as a version label; use at most 63 letters, digits, '.', '_' and '-'");
            return null;
        }

        return image;
    }

    /// <summary>Checks the autoscaler bounds.</summary>
    private static ReplicaBounds? CheckReplicas(StackFileReplicas? replicas, List<string> problems)
    {
        if (replicas?.Min is not { } min || replicas.Max is not { } max)
        {
            problems.Add("replicas.min and replicas.max are required; write e.g. \"replicas\": { \"min\": 2, \"max\": 6 }");
            return null;
        }

        var count = problems.Count;
        if (min < MinReplicasFloor)
        {
            problems.Add($"replicas.min is {min}; it must be at least {MinReplicasFloor}, so that one pod can drain while another serves");
        }

        if (max < min)
        {
            problems.Add($"replicas.max is {max}, below replicas.min ({min}); make max at least min");
        }

        var cpu = replicas.CpuUtilization ?? 70;
        if (cpu is < 1 or > 100)
        {
            problems.Add($"replicas.cpuUtilization is {cpu}; use a percentage of the CPU request between 1 and 100");
        }

        return problems.Count > count ? null : new ReplicaBounds { Min = min, Max = max, CpuUtilization = cpu };
    }

    /// <summary>Checks requests and limits: present where required, valid quantities, memory request within the limit.</summary>
    private static ResourceSettings? CheckResources(StackFileResources? resources, List<string> problems)
    {
        var count = problems.Count;
        var cpuRequest = Quantity("resources.requests.cpu", resources?.Requests?.Cpu, required: true, problems);
        var memoryRequest = Quantity("resources.requests.memory", resources?.Requests?.Memory, required: true, problems);
        var cpuLimit = Quantity("resources.limits.cpu", resources?.Limits?.Cpu, required: false, problems);
        var memoryLimit = Quantity("resources.limits.memory", resources?.Limits?.Memory, required: true, problems);
        if (problems.Count > count || cpuRequest is null || memoryRequest is null || memoryLimit is null)
        {
            return null;
        }

        if (new ResourceQuantity(memoryRequest).ToDecimal() > new ResourceQuantity(memoryLimit).ToDecimal())
        {
            problems.Add($"resources.requests.memory ({memoryRequest}) is above resources.limits.memory ({memoryLimit}); the apiserver rejects that");
            return null;
        }

        return new ResourceSettings { CpuRequest = cpuRequest, MemoryRequest = memoryRequest, CpuLimit = cpuLimit, MemoryLimit = memoryLimit };
    }

    /// <summary>Returns <paramref name="value"/> when it is a positive Kubernetes quantity; otherwise reports it.</summary>
    private static string? Quantity(string field, string? value, bool required, List<string> problems)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add($"{field} is required; write a Kubernetes quantity, e.g. \"250m\" for CPU or \"256Mi\" for memory");
            }

            return null;
        }

        if (!QuantityPattern().IsMatch(value) || decimal.Parse(QuantityNumber().Match(value).Value, CultureInfo.InvariantCulture) <= 0)
        {
            problems.Add($"{field} '{value}' is not a positive Kubernetes quantity; write e.g. \"250m\", \"1\", \"256Mi\" or \"1Gi\"");
            return null;
        }

        return value;
    }

    /// <summary>Whether <paramref name="text"/> is <c>host:port</c> with a port from 1 to 65535.</summary>
    private static bool IsHostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0
            && !text[..colon].Any(char.IsWhiteSpace)
            && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 1 and <= 65535;
    }

    /// <summary>A DNS-1123 label.</summary>
    [GeneratedRegex(Gateway.Resources.ApiDefinitions.ApiDefinitionPatterns.Dns1123Label)]
    private static partial Regex DnsLabelPattern();

    /// <summary>A host name as the APIDefinition schema accepts it (optionally one leading <c>*.</c>).</summary>
    [GeneratedRegex(Gateway.Resources.ApiDefinitions.ApiDefinitionPatterns.Hostname)]
    private static partial Regex HostnamePattern();

    /// <summary>A label value (the version label takes the image tag).</summary>
    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelValuePattern();

    /// <summary>A Kubernetes quantity without sign: decimal number, then a binary or decimal suffix or an exponent.</summary>
    [GeneratedRegex(@"^([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$")]
    private static partial Regex QuantityPattern();

    /// <summary>The number at the start of a quantity.</summary>
    [GeneratedRegex(@"^([0-9]+(\.[0-9]*)?|\.[0-9]+)")]
    private static partial Regex QuantityNumber();
}
