namespace Gateway.Dsl.Text;

/// <summary>A range of characters in a file: 0-based start, end-exclusive.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The first offset past the span.</summary>
    public int End => Start + Length;

    /// <summary>The span from <paramref name="start"/> up to, not including, <paramref name="end"/>.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);
}
