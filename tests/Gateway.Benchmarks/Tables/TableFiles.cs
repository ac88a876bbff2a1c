using Gateway.Benchmarks.Routers;

namespace Gateway.Benchmarks.Tables;

/// <summary>Writes the checked-in <c>Tables/routes-*.gw</c> files from <see cref="TableFactory"/>, and checks them.</summary>
public static class TableFiles
{
    /// <summary>Writes every table into the project's <c>Tables</c> folder and returns the paths written.</summary>
    public static IReadOnlyList<string> Write()
    {
        var directory = FindDirectory()
            ?? throw new DirectoryNotFoundException("tests/Gateway.Benchmarks/Tables not found above the current directory; run from the repository.");
        var written = new List<string>();
        foreach (var size in TableFactory.Sizes)
        {
            var path = Path.Combine(directory, TableFactory.FileName(size));
            File.WriteAllText(path, TableFactory.CreateFile(size));
            written.Add(path);
        }

        return written;
    }

    /// <summary>One line per table that differs from the factory's output; empty when all agree.</summary>
    /// <remarks>Checks the text each generated router was compiled from (what the benchmark measures) and, when the
    /// repository is at hand, the file on disk (which the next build compiles). Line endings are ignored, so a Windows
    /// checkout with <c>core.autocrlf</c> passes.</remarks>
    public static IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        var directory = FindDirectory();
        foreach (var size in TableFactory.Sizes)
        {
            var expected = TableFactory.CreateFile(size);
            var name = TableFactory.FileName(size);
            if (GeneratedRouters.Sizes.Contains(size) && Normalize(GeneratedRouters.SourceText(size)) != expected)
            {
                problems.Add(name + ": the compiled router was built from a table that differs from TableFactory's output.");
            }

            var path = directory is null ? null : Path.Combine(directory, name);
            if (path is not null && (!File.Exists(path) || Normalize(File.ReadAllText(path)) != expected))
            {
                problems.Add(path + ": differs from TableFactory's output.");
            }
        }

        return problems;
    }

    /// <summary>The project's <c>Tables</c> folder, found above the current directory or the executable; null if neither is in the repository.</summary>
    private static string? FindDirectory()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "tests", "Gateway.Benchmarks", "Tables");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
