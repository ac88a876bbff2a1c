namespace Gateway.RateLimiting;

/// <summary>What a rate limiter decided about one request, with what the <c>RateLimit</c> header tells the client.</summary>
/// <param name="Allowed">Whether the request took a token and may go on.</param>
/// <param name="Remaining">Whole tokens left in the key's bucket after this request.</param>
/// <param name="RetryAfter">For a refused request, how long until the bucket holds a token again; zero otherwise.</param>
/// <param name="Reset">How long until the bucket is full again.</param>
public readonly record struct RateLimitDecision(bool Allowed, long Remaining, TimeSpan RetryAfter, TimeSpan Reset);
