using System.Text;
using Gateway.Dsl.Model;
using Microsoft.AspNetCore.Http;

namespace Gateway.DifferentialTests.Common;

/// <summary>Generates requests aimed at a route table: witnesses for every route, near misses, and noise.</summary>
/// <remarks>Seeded, so a failure replays. The near misses probe the edges where two matchers could disagree: trailing
/// and doubled slashes, case, percent-encoding, empty segments, numeric overflow, wildcard-host edges, missing or wrong
/// header and query values.</remarks>
internal sealed class RequestGenerator
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get", "PROPFIND"];
    private static readonly string[] Noise = ["x", "users", "api", "1", "-1", "0", "007", "2147483648", "9223372036854775808", "abc", "ABC", "a%2Fb", "%41", "café", "é", "", "me", "..", ".", "orders", "files", "images", "b", "c", "e", "f", "d", "items", "{id}", "**", "a b", "00000000-0000-0000-0000-000000000001", "{00000000-0000-0000-0000-000000000001}", "0000000-0000-0000-0000-000000000001"];
    private static readonly string[] HostNoise = ["", "localhost", "127.0.0.1", "127.0.0.1:8080", "[::1]:8080", "example.org", "xexample.org", "a.example.org.", "A.EXAMPLE.ORG", "eu.example.org", "a.eu.example.org", "api.example.com:443", "API.Example.Com", "api.example.com.", "www.example.org", "b.www.example.org", "api.example.net"];

    private readonly Random _random;
    private readonly RouteTable _table;
    private readonly string[] _literals;

    /// <summary>Creates a generator for <paramref name="table"/> with a fixed <paramref name="seed"/>.</summary>
    public RequestGenerator(RouteTable table, int seed)
    {
        _table = table;
        _random = new Random(seed);
        _literals = table.Routes.SelectMany(r => r.Path.Segments).Where(s => s.Kind == SegmentKind.Literal).Select(s => s.Value).Distinct().DefaultIfEmpty("x").ToArray();
    }

    /// <summary>The next request: half witnesses, a third near misses, the rest noise.</summary>
    public TestRequest Next()
    {
        var route = _table.Routes[_random.Next(_table.Routes.Count)];
        var roll = _random.Next(6);
        return roll switch
        {
            < 3 => Witness(route),
            < 5 => Mutate(Witness(route)),
            _ => Noisy(),
        };
    }

    private TestRequest Witness(Route route)
    {
        var host = route.Hosts.Count == 0 ? Pick(HostNoise) : HostFor(route.Hosts[_random.Next(route.Hosts.Count)]);
        var method = route.Methods == MethodSet.None ? Pick(Methods) : MethodFrom(route.Methods);
        var path = new StringBuilder();
        foreach (var segment in route.Path.Segments)
        {
            if (segment.Kind == SegmentKind.CatchAll)
            {
                var extra = _random.Next(4);
                for (var i = 0; i < extra; i++)
                {
                    path.Append('/').Append(Pick(Noise));
                }

                break;
            }

            path.Append('/').Append(segment.Kind == SegmentKind.Literal ? segment.Value : ValueFor(segment.Constraint));
        }

        if (path.Length == 0 || _random.Next(8) == 0)
        {
            path.Append('/');
        }

        var headers = new HeaderDictionary();
        foreach (var header in route.Headers)
        {
            headers.Append(Cased(header.Name), header.Value ?? Pick(Noise));
        }

        var query = new StringBuilder();
        foreach (var q in route.Queries)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(q.Name);
            if (q.Value is not null || _random.Next(2) == 0)
            {
                query.Append('=').Append(Encoded(q.Value ?? Pick(Noise)));
            }
        }

        AddNoiseConditions(headers, query);
        return new TestRequest(host, method, path.ToString(), query.ToString(), headers);
    }

    private TestRequest Mutate(TestRequest request)
    {
        var path = request.Path;
        var headers = new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value));
        var query = request.Query;
        var host = request.Host;
        var method = request.Method;
        switch (_random.Next(12))
        {
            case 0: path = path.EndsWith('/') ? path.TrimEnd('/') : path + "/"; break;
            case 1: path = path.Replace("/", "//"); break;
            case 2: path = path.ToUpperInvariant(); break;
            case 3: path = path + "/" + Pick(Noise); break;
            case 4: path = path.Length > 1 ? path[..^1] : "/x"; break;
            case 5: path = _random.Next(2) == 0 ? path.Replace("é", "%C3%A9") : "/" + string.Join('/', path.Split('/').Skip(2)); break;
            case 6: method = Pick(Methods); break;
            case 7: headers.Clear(); break;
            case 8: headers[headers.Keys.FirstOrDefault() ?? "x-version"] = Pick(Noise); break;
            case 9: query = query.Length > 0 ? query[..(query.Length / 2)] : "?" + Pick(Noise) + "=" + Pick(Noise); break;
            case 10: host = Pick(HostNoise); break;
            default: path = path + "/" + path; break;
        }

        return new TestRequest(host, method, path, query, headers);
    }

    private TestRequest Noisy()
    {
        var path = new StringBuilder();
        var count = _random.Next(7);
        for (var i = 0; i < count; i++)
        {
            path.Append('/').Append(_random.Next(2) == 0 ? Pick(_literals) : Pick(Noise));
        }

        var headers = new HeaderDictionary();
        var query = new StringBuilder();
        AddNoiseConditions(headers, query);
        return new TestRequest(Pick(HostNoise), Pick(Methods), path.Length == 0 ? "/" : path.ToString(), query.ToString(), headers);
    }

    // Conditions of other routes, sometimes right and sometimes wrong, so header/query precedence gets exercised.
    private void AddNoiseConditions(HeaderDictionary headers, StringBuilder query)
    {
        var other = _table.Routes[_random.Next(_table.Routes.Count)];
        foreach (var header in other.Headers)
        {
            if (_random.Next(2) == 0 && !headers.ContainsKey(header.Name))
            {
                headers.Append(header.Name, _random.Next(2) == 0 ? header.Value ?? "1" : Pick(Noise));
            }
        }

        foreach (var q in other.Queries)
        {
            if (_random.Next(2) == 0)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(q.Name).Append('=').Append(_random.Next(2) == 0 ? Encoded(q.Value ?? "") : Pick(Noise));
            }
        }
    }

    private string HostFor(HostPattern pattern)
    {
        var host = pattern.IsWildcard ? Pick(["a", "b.c", "x-1", "EU"]) + "." + pattern.Host : pattern.Host;
        return _random.Next(4) switch
        {
            0 => host.ToUpperInvariant(),
            1 => host + ":" + _random.Next(1, 65536),
            2 => host + ".",
            _ => host,
        };
    }

    private string MethodFrom(MethodSet methods)
    {
        var named = Enum.GetValues<MethodSet>().Where(m => m != MethodSet.None && methods.HasFlag(m)).ToArray();
        return named[_random.Next(named.Length)].ToString().ToUpperInvariant();
    }

    private string ValueFor(ParameterConstraint constraint) => constraint switch
    {
        ParameterConstraint.Int => _random.Next(3) == 0 ? "-" + _random.Next(1000) : _random.Next().ToString(),
        ParameterConstraint.Long => (_random.NextInt64(long.MaxValue)).ToString(),
        ParameterConstraint.Guid => _random.Next(3) == 0 ? Guid.NewGuid().ToString("B") : Guid.NewGuid().ToString(_random.Next(2) == 0 ? "D" : "N"),
        ParameterConstraint.Alpha => Pick(["abc", "Zed", "q", "abc1", "é"]),
        _ => Pick(Noise),
    };

    // Encodes some characters of a query value the ways browsers and clients do, so decoding is exercised.
    private string Encoded(string value) => _random.Next(3) switch
    {
        0 => Uri.EscapeDataString(value),
        1 => string.Concat(value.Select(c => char.IsAsciiLetter(c) && _random.Next(2) == 0 ? "%" + ((int)c).ToString("X2") : c.ToString())),
        _ => value.Replace(" ", "+"),
    };

    private string Cased(string name) => _random.Next(2) == 0 ? name.ToUpperInvariant() : name;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
