namespace Gateway.Routing;

/// <summary>Where a captured path value lies in the request path: start and length.</summary>
public readonly record struct CaptureRange(int Start, int Length);
