using BenchmarkDotNet.Attributes;
using Gateway.Pipeline;
using Gateway.Routing;
using Gateway.Testing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Benchmarks;

/// <summary>What a route's policy chain costs per request: no policies, a header transform, a local rate limit plus the
/// transform, and JWT validation (RS256, keys from a PEM key file) plus the same transform, with and without the rate
/// limit, each through the chain the gateway builds from a route file.</summary>
/// <remarks>The limited routes count by a header whose value cycles through 1,024 keys, so that no bucket runs dry at
/// the benchmark's pace (a million a second per key) and every request measured is an admitted one.</remarks>
/// <remarks>Measures the chain alone, with the request context the middleware makes per request; matching and
/// forwarding are measured elsewhere (RouteMatchingBenchmark, docs/benchmarks.md).</remarks>
[MemoryDiagnoser]
public class PolicyChainBenchmark
{
    private string _keyFile = string.Empty;
    private RouteTableSnapshot _snapshot = null!;
    private DefaultHttpContext _http = null!;
    private string _authorization = string.Empty;
    private string[] _keys = [];
    private int _next;

    /// <summary>Which route's chain runs.</summary>
    [Params("none", "header", "limit+header", "jwt+header", "jwt+limit+header")]
    public string Chain { get; set; } = "none";

    /// <summary>Writes the key file, builds the table and signs a token valid for an hour.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var key = TestSigningKey.Rsa(kid: null);
        _keyFile = Path.Combine(Path.GetTempPath(), $"gateway-bench-{Guid.NewGuid():N}.pem");
        File.WriteAllText(_keyFile, key.PublicPem);
        var routes = $$"""
            route none {
              path /none
              respond 200
            }

            route header {
              path /header
              request-header set X-Env production
              respond 200
            }

            route limit-header {
              path /limit+header
              limit 1000000/s by header X-Key
              request-header set X-Env production
              respond 200
            }

            route jwt-limit-header {
              path /jwt+limit+header
              jwt {
                issuer {{TestTokens.Issuer}}
                audience {{TestTokens.Audience}}
                key-file {{_keyFile}}
                algorithms RS256
              }
              limit 1000000/s by header X-Key
              request-header set X-Env production
              respond 200
            }

            route jwt-header {
              path /jwt+header
              jwt {
                issuer {{TestTokens.Issuer}}
                audience {{TestTokens.Audience}}
                key-file {{_keyFile}}
                algorithms RS256
              }
              request-header set X-Env production
              respond 200
            }
            """;
        _snapshot = RouteTableLoader.TryLoad(RouteSource.Interpreted(routes, "bench.gw"), out var result)
            ?? throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        _authorization = "Bearer " + TestTokens.Create(key, edit: d => d.Expires = DateTime.UtcNow.AddHours(1));
        _http = new DefaultHttpContext();
        _http.Request.Method = HttpMethods.Get;
        _http.Request.Path = "/" + Chain;
        _http.Request.Headers.Authorization = _authorization;
        _keys = Enumerable.Range(0, 1024).Select(i => "key-" + i).ToArray();
        if (!Run().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException($"The '{Chain}' chain did not let the request through.");
        }
    }

    /// <summary>Deletes the key file.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_keyFile);

    /// <summary>Match, then run the route's chain on a fresh request context; true when every policy let it through.</summary>
    [Benchmark]
    public ValueTask<bool> Run()
    {
        _http.Request.Headers["X-Key"] = _keys[_next++ & 1023];
        var match = _snapshot.Matcher.Match(RouteRequest.From(_http.Request));
        var context = new RequestContext(_http, _snapshot);
        context.Matched(_snapshot.GetRoute(match.RouteIndex), match);
        return context.Route!.Policies.RunAsync(context);
    }
}
