namespace Gateway.Testing;

/// <summary>The repository root, found from a test's output folder; linked into each test project that reads
/// checked-in files in place.</summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest folder above the test binaries that holds <c>Gateway.sln</c>.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
