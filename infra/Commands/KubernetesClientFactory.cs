using k8s;
using k8s.Exceptions;

namespace Gateway.Infra.Commands;

/// <summary>Builds the API client from a kubeconfig (or in-cluster credentials), turning every failure into one message.</summary>
public static class KubernetesClientFactory
{
    /// <summary>Creates a client, or returns null and sets <paramref name="error"/>.</summary>
    /// <param name="kubeconfig">The <c>--kubeconfig</c> value, resolved against the working directory; null for the default lookup.</param>
    /// <param name="context">The <c>--context</c> value, or null for the file's current context.</param>
    /// <param name="error">What went wrong, as one line.</param>
    public static IKubernetes? Create(string? kubeconfig, string? context, out string? error)
    {
        error = null;
        var path = kubeconfig ?? DefaultPath();
        if (path is null)
        {
            if (KubernetesClientConfiguration.IsInCluster() && context is null)
            {
                return new Kubernetes(KubernetesClientConfiguration.InClusterConfig());
            }

            error = "error: no kubeconfig found (KUBECONFIG is unset and ~/.kube/config does not exist); pass --kubeconfig PATH";
            return null;
        }

        if (!File.Exists(path))
        {
            error = $"error: kubeconfig '{path}' does not exist; pass --kubeconfig with the path of an existing file";
            return null;
        }

        try
        {
            return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context));
        }
        catch (Exception e) when (e is KubeConfigException or IOException or FormatException or YamlDotNet.Core.YamlException)
        {
            // A missing context, a bad certificate path or invalid YAML: the client's message says which.
            error = $"error: kubeconfig '{path}' cannot be used: {e.Message}";
            return null;
        }
    }

    /// <summary>The first file of <c>KUBECONFIG</c>, else <c>~/.kube/config</c> if it exists, else null.</summary>
    private static string? DefaultPath()
    {
        var variable = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(variable))
        {
            return variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home) ? home : null;
    }
}
