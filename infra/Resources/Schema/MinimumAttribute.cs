namespace Gateway.Resources.Schema;

/// <summary>A lower bound for an integer that has no natural upper bound (<c>observedGeneration</c>).</summary>
/// <remarks><see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/> needs both ends, and an invented maximum would
/// end up in the schema.</remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinimumAttribute(long minimum) : Attribute
{
    /// <summary>The smallest allowed value.</summary>
    public long Minimum { get; } = minimum;
}
