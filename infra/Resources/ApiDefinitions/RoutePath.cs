using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>The path part of a route's match: a prefix or an exact path.</summary>
public sealed record RoutePath
{
    /// <summary>How <see cref="Value"/> is compared; a prefix unless said otherwise.</summary>
    [DefaultValue(PathMatchType.PathPrefix)]
    public PathMatchType? Type { get; init; }

    /// <summary>The path, starting with <c>/</c>.</summary>
    [MinLength(1)]
    [MaxLength(1024)]
    [RegularExpression(ApiDefinitionPatterns.Path)]
    public required string Value { get; init; }
}
