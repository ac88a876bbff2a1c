namespace Gateway.Benchmarks.Tables;

/// <summary>One route of a synthetic table, with a request path that only this route matches.</summary>
public sealed record SyntheticRoute
{
    /// <summary>The route's name in the <c>.gw</c> file, e.g. <c>svc12-item-by-id</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of route.</summary>
    public required RouteShape Shape { get; init; }

    /// <summary>The path template in gateway syntax, e.g. <c>/api/svc12/orders/{id:int}</c> or <c>/static/svc12/**</c>.</summary>
    public required string Template { get; init; }

    /// <summary>A request path this route matches and no other route of the table does.</summary>
    public required string SamplePath { get; init; }

    /// <summary>The same template in ASP.NET Core syntax: the catch-all becomes <c>{**path}</c>.</summary>
    public string AspNetCoreTemplate => Template.EndsWith("/**", StringComparison.Ordinal)
        ? string.Concat(Template.AsSpan(0, Template.Length - 2), "{**path}")
        : Template;
}
