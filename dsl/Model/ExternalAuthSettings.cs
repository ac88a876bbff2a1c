using System;
using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>The checked <c>ext-auth { … }</c> block: an HTTP service asked about each request before it is forwarded.</summary>
public sealed record ExternalAuthSettings
{
    /// <summary>The service's absolute http(s) URL; the request's method and URI travel in <c>X-Forwarded-*</c> headers.</summary>
    public required string Url { get; init; }

    /// <summary>How long the service may take before the declared failure mode applies.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Request headers sent to the service (lower case); empty means every header but the body's.</summary>
    public required EquatableArray<string> SendHeaders { get; init; }

    /// <summary>Headers of the service's 2xx answer copied onto the upstream request (lower case).</summary>
    public required EquatableArray<string> ForwardHeaders { get; init; }

    /// <summary>Whether a request is let through when the service cannot be asked (timeout, refused, 5xx).</summary>
    public required bool AllowOnError { get; init; }

    /// <summary>The 1-based line of the <c>ext-auth</c> directive, for logs.</summary>
    public required int Line { get; init; }
}
