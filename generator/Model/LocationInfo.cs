using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gateway.Generator.Model;

/// <summary>An equatable stand-in for a Roslyn <see cref="Location"/>, turned back into one only when reporting.</summary>
internal sealed record LocationInfo
{
    /// <summary>The file the span is in.</summary>
    public required string FilePath { get; init; }

    /// <summary>The characters located.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>The same span as lines and columns.</summary>
    public required LinePositionSpan LineSpan { get; init; }

    /// <summary>Captures the location of <paramref name="location"/>.</summary>
    public static LocationInfo From(Location location) => new()
    {
        FilePath = location.SourceTree?.FilePath ?? string.Empty,
        Span = location.SourceSpan,
        LineSpan = location.GetLineSpan().Span,
    };

    /// <summary>The Roslyn location, for a diagnostic.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
