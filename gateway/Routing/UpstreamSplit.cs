using Gateway.Dsl.Model;
using Gateway.Pipeline;

namespace Gateway.Routing;

/// <summary>A route's weighted split (<c>to a 90 b 10</c>), built once per snapshot: pins first, then the sticky key,
/// then a random draw over the weights.</summary>
/// <remarks>Choosing allocates nothing: the draw is <see cref="Random.Shared"/> (thread-safe) over cumulative weights, a
/// sticky key is hashed in place by <see cref="StickyHash"/>, and a split has few sides, so a linear scan beats a search.
/// Like Envoy's weighted clusters, a request is never moved to another side when its side has no endpoint to offer:
/// the side answers as a single upstream would.</remarks>
public sealed class UpstreamSplit
{
    private readonly RouteTarget[] _targets;
    private readonly int[] _upperBounds;
    private readonly int _total;
    private readonly StickyKey? _sticky;
    private readonly UpstreamPin[] _pins;
    private readonly RouteTarget[] _pinTargets;

    /// <summary>Builds the split of <paramref name="action"/> over <paramref name="targets"/>, one per side in the order
    /// written.</summary>
    public UpstreamSplit(RouteAction action, IReadOnlyList<RouteTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(targets);
        if (action.Split.Count == 0 || action.Split.Count != targets.Count)
        {
            throw new ArgumentException("The split needs one target per side.", nameof(targets));
        }

        _targets = targets.ToArray();
        _upperBounds = new int[_targets.Length];
        for (var i = 0; i < _targets.Length; i++)
        {
            _total += action.Split[i].Weight;
            _upperBounds[i] = _total;
        }

        _sticky = action.Sticky;
        _pins = action.Pins.ToArray();
        _pinTargets = _pins.Select(pin => _targets[IndexOf(action, pin.Upstream)]).ToArray();
    }

    /// <summary>The sum of the weights.</summary>
    public int TotalWeight => _total;

    /// <summary>The side <paramref name="request"/> goes to.</summary>
    public RouteTarget Select(RequestContext request)
    {
        var http = request.Http.Request;
        for (var i = 0; i < _pins.Length; i++)
        {
            if (Carries(http, _pins[i]))
            {
                return _pinTargets[i];
            }
        }

        // A request without the key cannot be kept anywhere in particular, so it is drawn like any other.
        var point = _sticky is not null && StickyPoint(request) is { } sticky ? sticky : Random.Shared.Next(_total);
        return At(point);
    }

    /// <summary>The side whose share of [0, total) holds <paramref name="point"/>.</summary>
    public RouteTarget At(int point)
    {
        for (var i = 0; i < _upperBounds.Length - 1; i++)
        {
            if (point < _upperBounds[i])
            {
                return _targets[i];
            }
        }

        return _targets[^1];
    }

    /// <summary>Where the request's sticky key falls in [0, total), or null when the request has no key.</summary>
    private int? StickyPoint(RequestContext request)
    {
        var http = request.Http;
        ulong hash;
        switch (_sticky!.Kind)
        {
            case StickyKeyKind.ClientIp:
                // The address's bytes rather than its text: nothing is formatted per request.
                Span<byte> address = stackalloc byte[16];
                if (http.Connection.RemoteIpAddress is not { } ip || !ip.TryWriteBytes(address, out var written))
                {
                    return null;
                }

                hash = StickyHash.Of(address[..written]);
                break;
            default:
                var key = _sticky.Kind switch
                {
                    StickyKeyKind.Header => http.Request.Headers[_sticky.Name!] is { Count: > 0 } values ? values[0] : null,
                    StickyKeyKind.Cookie => http.Request.Cookies[_sticky.Name!],
                    _ => request.Identity?.FindClaim(_sticky.Name!),
                };
                if (string.IsNullOrEmpty(key))
                {
                    return null;
                }

                hash = StickyHash.Of(key);
                break;
        }

        return StickyHash.Point(hash, _total);
    }

    /// <summary>Whether <paramref name="request"/> carries the pin's header or cookie value.</summary>
    private static bool Carries(HttpRequest request, UpstreamPin pin)
    {
        if (pin.Source == PinSource.Cookie)
        {
            return request.Cookies[pin.Name] == pin.Value;
        }

        foreach (var value in request.Headers[pin.Name])
        {
            if (value == pin.Value)
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(RouteAction action, string upstream)
    {
        for (var i = 0; i < action.Split.Count; i++)
        {
            if (action.Split[i].Upstream == upstream)
            {
                return i;
            }
        }

        throw new ArgumentException($"Pinned upstream '{upstream}' is not in the split; the checker prevents this.", nameof(action));
    }
}
