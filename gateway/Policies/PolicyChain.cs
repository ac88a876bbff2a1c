using Gateway.Pipeline;

namespace Gateway.Policies;

/// <summary>A route's request policies in the order the gateway fixes, run one after another until one answers.</summary>
public sealed class PolicyChain
{
    /// <summary>A chain with no policies.</summary>
    public static readonly PolicyChain Empty = new(Array.Empty<IRequestPolicy>());

    private readonly IRequestPolicy[] _policies;

    /// <summary>Creates a chain over <paramref name="policies"/>, in order.</summary>
    public PolicyChain(IRequestPolicy[] policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = policies;
    }

    /// <summary>The policies, in the order they run.</summary>
    public IReadOnlyList<IRequestPolicy> Policies => _policies;

    /// <summary>Runs the policies; true when every one let the request go on.</summary>
    public async ValueTask<bool> RunAsync(RequestContext context)
    {
        foreach (var policy in _policies)
        {
            var result = await policy.ApplyAsync(context);
            if (result.HasAnswered)
            {
                return false;
            }
        }

        return true;
    }
}
