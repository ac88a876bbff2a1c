namespace Gateway.Infra.Commands;

/// <summary>Finds the route file and the stacks folder from the working directory, so the program runs from any folder of a clone.</summary>
public static class InputLocator
{
    /// <summary>The stacks folder relative to the repository root.</summary>
    public const string StacksFolder = "infra/stacks";

    /// <summary>The route file's name at the repository root.</summary>
    public const string RoutesFile = "routes.gw";

    /// <summary><paramref name="given"/> resolved against <paramref name="workingDirectory"/>, else the nearest <c>routes.gw</c> upwards.</summary>
    public static string? FindRoutes(string workingDirectory, string? given) =>
        given is not null ? Path.GetFullPath(given, workingDirectory) : FindUpwards(workingDirectory, RoutesFile, File.Exists);

    /// <summary><paramref name="given"/> resolved, else the nearest <c>infra/stacks</c> upwards, else the copy next to the program.</summary>
    /// <remarks>The build copies the stack files to the output folder, so a published program still finds its stacks.</remarks>
    public static string FindStacks(string workingDirectory, string? given)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given, workingDirectory);
        }

        return FindUpwards(workingDirectory, StacksFolder, Directory.Exists)
            ?? Path.Combine(AppContext.BaseDirectory, "stacks");
    }

    /// <summary>How a path is shown in messages: relative to the working directory when it is below it.</summary>
    public static string Display(string workingDirectory, string path)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    /// <summary>The first <paramref name="relative"/> that exists in <paramref name="start"/> or one of its parents.</summary>
    private static string? FindUpwards(string start, string relative, Func<string, bool> exists)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
