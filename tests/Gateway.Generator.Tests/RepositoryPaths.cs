namespace Gateway.Generator.Tests;

/// <summary>Finds files of the repository from the test's output folder, so snapshots are read and rewritten in place.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds <c>Gateway.sln</c>.</summary>
    public static string Root => Gateway.Testing.RepositoryRoot.Path;

    /// <summary>The folder of checked-in golden outputs.</summary>
    public static string Snapshots => Path.Combine(Root, "tests", "snapshots");

    /// <summary>The folder of route files that must check clean.</summary>
    public static string ValidCases => Path.Combine(Root, "tests", "cases", "valid");
}
