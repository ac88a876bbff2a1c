using System.Text;

namespace Gateway.DifferentialTests.Common;

/// <summary>Writes random but well-formed route files over a small vocabulary, so that routes collide often.</summary>
/// <remarks>Many of them tie and are rejected with GW0301; the rest exercise precedence in shapes nobody wrote by hand.</remarks>
internal sealed class RandomTableFactory
{
    private static readonly string[] Literals = ["a", "b", "users", "v1"];
    private static readonly string[] Constraints = ["int", "long", "guid", "alpha"];
    private static readonly string[] Hosts = ["x.test", "y.test", "*.test", "*.y.test"];
    private static readonly string[] Methods = ["GET", "POST", "HEAD"];

    private readonly Random _random;

    /// <summary>Creates a factory with a fixed <paramref name="seed"/>.</summary>
    public RandomTableFactory(int seed) => _random = new Random(seed);

    /// <summary>A route file with <paramref name="routes"/> routes forwarding to one upstream.</summary>
    public string Next(int routes)
    {
        var text = new StringBuilder("upstream u {\n  endpoints http://127.0.0.1:5001\n}\n");
        for (var i = 0; i < routes; i++)
        {
            text.Append("route r").Append(i).Append(" {\n");
            if (_random.Next(3) == 0)
            {
                text.Append("  host ").Append(Hosts[_random.Next(Hosts.Length)]).Append('\n');
            }

            if (_random.Next(3) == 0)
            {
                text.Append("  method ").Append(string.Join(' ', Methods.Where(_ => _random.Next(2) == 0).DefaultIfEmpty("GET"))).Append('\n');
            }

            text.Append("  path ").Append(Path(i)).Append('\n');
            if (_random.Next(4) == 0)
            {
                text.Append("  header x-h").Append(_random.Next(2)).Append(_random.Next(2) == 0 ? string.Empty : " " + _random.Next(2)).Append('\n');
            }

            if (_random.Next(4) == 0)
            {
                text.Append("  query q").Append(_random.Next(2)).Append(_random.Next(2) == 0 ? string.Empty : " " + _random.Next(2)).Append('\n');
            }

            if (_random.Next(3) == 0)
            {
                text.Append("  priority ").Append(_random.Next(3)).Append('\n');
            }

            text.Append("  to u\n}\n");
        }

        return text.ToString();
    }

    private string Path(int route)
    {
        var path = new StringBuilder();
        var segments = _random.Next(4);
        for (var s = 0; s < segments; s++)
        {
            path.Append('/').Append(_random.Next(4) switch
            {
                0 or 1 => Literals[_random.Next(Literals.Length)],
                2 => "{p" + s + ":" + Constraints[_random.Next(Constraints.Length)] + "}",
                _ => "{p" + s + "}",
            });
        }

        if (_random.Next(4) == 0)
        {
            path.Append(_random.Next(2) == 0 ? "/**" : "/{**rest" + route + "}");
        }

        return path.Length == 0 ? "/" : path.ToString();
    }
}
