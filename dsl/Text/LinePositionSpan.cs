namespace Gateway.Dsl.Text;

/// <summary>A start and end position (end-exclusive), 0-based.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
