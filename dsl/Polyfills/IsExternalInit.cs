#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    /// <summary>Enables <c>init</c> accessors and records on netstandard2.0.</summary>
    internal static class IsExternalInit
    {
    }

    /// <summary>Enables <c>required</c> members on netstandard2.0.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    internal sealed class RequiredMemberAttribute : Attribute
    {
    }

    /// <summary>Marks members that need a compiler feature; required by <c>required</c> members.</summary>
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    internal sealed class CompilerFeatureRequiredAttribute : Attribute
    {
        /// <summary>Creates the attribute for the named feature.</summary>
        public CompilerFeatureRequiredAttribute(string featureName) => FeatureName = featureName;

        /// <summary>The feature's name.</summary>
        public string FeatureName { get; }

        /// <summary>Whether older compilers may ignore the feature.</summary>
        public bool IsOptional { get; init; }
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>Says a constructor sets every required member; netstandard2.0 lacks it.</summary>
    [AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
    internal sealed class SetsRequiredMembersAttribute : Attribute
    {
    }
}
#endif
