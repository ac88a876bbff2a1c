namespace Gateway.Dsl.Model;

/// <summary>The three header operations.</summary>
public enum HeaderEditKind
{
    /// <summary>Replace every value of the header with one.</summary>
    Set,

    /// <summary>Append a value, keeping those already there.</summary>
    Add,

    /// <summary>Remove the header.</summary>
    Remove,
}
