using System.Collections.Generic;

namespace Gateway.Dsl.Model;

/// <summary>The single methods of a <see cref="MethodSet"/>, in bit order (GET, HEAD, POST, …), and their names.</summary>
internal static class MethodSetBits
{
    /// <summary>Each method in <paramref name="methods"/> as a one-bit set, lowest bit first.</summary>
    public static IEnumerable<MethodSet> Each(MethodSet methods)
    {
        for (var bit = 1; bit <= (int)MethodSet.Connect; bit <<= 1)
        {
            if (((int)methods & bit) != 0)
            {
                yield return (MethodSet)bit;
            }
        }
    }

    /// <summary>The HTTP name of a one-bit set: <c>GET</c> for <see cref="MethodSet.Get"/>.</summary>
    public static string Name(MethodSet method) => method.ToString().ToUpperInvariant();
}
