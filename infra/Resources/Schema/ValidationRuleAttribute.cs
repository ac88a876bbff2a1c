namespace Gateway.Resources.Schema;

/// <summary>A CEL rule the apiserver evaluates at admission (<c>x-kubernetes-validations</c>), on a type or a property.</summary>
/// <remarks>
/// Rules see one object only, so checks across routes or across objects (host ownership, duplicate route keys) stay in the
/// controller and surface in status.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class ValidationRuleAttribute(string rule, string message) : Attribute
{
    /// <summary>The CEL expression; <c>self</c> is the value the attribute sits on.</summary>
    public string Rule { get; } = rule;

    /// <summary>What the user sees when the rule is false.</summary>
    public string Message { get; } = message;
}
