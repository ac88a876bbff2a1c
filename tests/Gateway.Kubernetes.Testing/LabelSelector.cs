using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>
/// A parsed label selector: equality (<c>k=v</c>, <c>k==v</c>), inequality (<c>k!=v</c>), existence (<c>k</c>, <c>!k</c>)
/// and set terms (<c>k in (a,b)</c>, <c>k notin (a,b)</c>). Terms are ANDed, as on the real server.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _terms;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> terms) => _terms = terms;

    /// <summary>A selector that matches everything.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; null or empty text matches everything.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitTerms(text).Select(ParseTerm).ToArray());
    }

    /// <summary>True when the labels of <paramref name="obj"/> satisfy every term.</summary>
    public bool Matches(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value?.GetValue<string>() ?? "";
            }
        }

        return _terms.All(term => term(labels));
    }

    // Commas separate terms, except inside the parentheses of a set term.
    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term)
    {
        var notIn = term.IndexOf(" notin ", StringComparison.Ordinal);
        if (notIn > 0)
        {
            var (key, values) = (term[..notIn].Trim(), SetValues(term[(notIn + 7)..]));
            return labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }

        var inAt = term.IndexOf(" in ", StringComparison.Ordinal);
        if (inAt > 0)
        {
            var (key, values) = (term[..inAt].Trim(), SetValues(term[(inAt + 4)..]));
            return labels => labels.TryGetValue(key, out var v) && values.Contains(v);
        }

        var ne = term.IndexOf("!=", StringComparison.Ordinal);
        if (ne > 0)
        {
            var (key, value) = (term[..ne].Trim(), term[(ne + 2)..].Trim());
            return labels => !labels.TryGetValue(key, out var v) || v != value;
        }

        var eq = term.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            var key = term[..eq].Trim();
            var value = term[(eq + 1)..].TrimStart('=').Trim();
            return labels => labels.TryGetValue(key, out var v) && v == value;
        }

        if (term.StartsWith('!'))
        {
            var key = term[1..].Trim();
            return labels => !labels.ContainsKey(key);
        }

        return labels => labels.ContainsKey(term);
    }

    private static HashSet<string> SetValues(string text) =>
        text.Trim().TrimStart('(').TrimEnd(')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}
