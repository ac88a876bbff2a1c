using System;

namespace Gateway.Dsl.Semantics;

/// <summary>Where a directive may appear; a directive valid in several places has several flags.</summary>
[Flags]
internal enum DirectiveLevel
{
    /// <summary>Outside any block.</summary>
    TopLevel = 1,

    /// <summary>Inside <c>upstream NAME { … }</c>.</summary>
    Upstream = 2,

    /// <summary>Inside <c>route NAME { … }</c>.</summary>
    Route = 4,

    /// <summary>Inside <c>policy NAME { … }</c>, a named group of policies that routes apply with <c>use</c>.</summary>
    Policy = 8,

    /// <summary>Inside <c>jwt { … }</c>.</summary>
    Jwt = 16,

    /// <summary>Inside <c>api-key { … }</c>.</summary>
    ApiKey = 32,

    /// <summary>Inside <c>ext-auth { … }</c>.</summary>
    ExtAuth = 64,

    /// <summary>Inside <c>cors { … }</c>.</summary>
    Cors = 128,

    /// <summary>The policy directives: valid in a route and in a policy group alike.</summary>
    RouteOrPolicy = Route | Policy,
}
