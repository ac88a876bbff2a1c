namespace Gateway.Dsl.Text;

/// <summary>A 0-based line and column; printed 1-based.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <summary>The position as printed in messages: <c>(line,col)</c>, 1-based.</summary>
    public override string ToString() => "(" + (Line + 1) + "," + (Column + 1) + ")";
}
