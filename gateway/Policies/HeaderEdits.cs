using Gateway.Dsl.Model;
using Microsoft.Extensions.Primitives;

namespace Gateway.Policies;

/// <summary>Applies <c>request-header</c>/<c>response-header</c> edits to a header collection, in file order.</summary>
public static class HeaderEdits
{
    /// <summary>Sets, adds or removes each header of <paramref name="edits"/> in <paramref name="headers"/>.</summary>
    public static void Apply(IHeaderDictionary headers, IReadOnlyList<HeaderEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(edits);
        foreach (var edit in edits)
        {
            switch (edit.Kind)
            {
                case HeaderEditKind.Set:
                    headers[edit.Name] = edit.Value;
                    break;
                case HeaderEditKind.Add:
                    headers[edit.Name] = StringValues.Concat(headers[edit.Name], edit.Value);
                    break;
                default:
                    headers.Remove(edit.Name);
                    break;
            }
        }
    }
}
