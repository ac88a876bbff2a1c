namespace Gateway.Routing;

/// <summary>Asks the route generator to implement this class's <c>Match</c> from a <c>.gw</c> file given as an AdditionalFile.</summary>
/// <remarks>The same idea as <c>[GeneratedRegex]</c>: declare <c>public static partial RouteMatch Match(in RouteRequest request);</c>
/// and the generator (<c>generator/RoutesGenerator.cs</c>) writes its body, plus <c>SourceText</c> and <c>SourcePath</c>.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GeneratedRoutesAttribute : Attribute
{
    /// <summary>Names the route file by its file name, e.g. <c>routes.gw</c>.</summary>
    public GeneratedRoutesAttribute(string fileName) => FileName = fileName;

    /// <summary>The route file's name; matched against the AdditionalFiles' file names.</summary>
    public string FileName { get; }
}
