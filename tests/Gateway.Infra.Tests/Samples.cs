using Gateway.Infra.Objects;
using Gateway.Infra.StackFiles;

namespace Gateway.Infra.Tests;

/// <summary>Inputs shared by the tests: the checked-in stacks and a pinned copy of routes.gw.</summary>
/// <remarks>The copy is pinned (Golden/dev.routes.gw) so that editing the repository's routes.gw does not break the goldens.</remarks>
internal static class Samples
{
    /// <summary>Every checked-in stack; structural tests run over all of them.</summary>
    public static TheoryData<string> StackNames =>
        [.. Directory.GetFiles(RepositoryPaths.Stacks, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order()];

    /// <summary>The text of the pinned route file.</summary>
    public static string RoutesText => File.ReadAllText(Path.Combine(RepositoryPaths.Golden, "dev.routes.gw"));

    /// <summary>Loads a checked-in stack; fails the test with the loader's messages if it does not load.</summary>
    public static StackConfig Stack(string name)
    {
        var result = StackLoader.Load(RepositoryPaths.Stacks, name, "infra/stacks");
        Assert.True(result.Stack is not null, string.Join("\n", result.Errors));
        return result.Stack!;
    }

    /// <summary>The pinned route file, checked.</summary>
    public static GatewayRouteFile Routes(string? text = null)
    {
        var result = RouteFileReader.Read(text ?? RoutesText, "routes.gw");
        Assert.True(result.Routes is not null, string.Join("\n", result.Errors));
        return result.Routes!;
    }
}
