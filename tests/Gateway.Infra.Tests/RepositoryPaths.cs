namespace Gateway.Infra.Tests;

/// <summary>Finds files of the repository from the test's output folder, so checked-in inputs and goldens are read in place.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds <c>Gateway.sln</c>.</summary>
    public static string Root => Gateway.Testing.RepositoryRoot.Path;

    /// <summary>The checked-in stack files.</summary>
    public static string Stacks => Path.Combine(Root, "infra", "stacks");

    /// <summary>The checked-in golden inputs and outputs of render.</summary>
    public static string Golden => Path.Combine(Root, "tests", "Gateway.Infra.Tests", "Golden");
}
