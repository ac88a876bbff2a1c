namespace Gateway.Benchmarks.Tables;

/// <summary>The kinds of route a synthetic service exposes: a realistic mix of literal, parameter, constrained and catch-all routes.</summary>
/// <remarks>Within one service the shapes never overlap, even when constraints are ignored, so a first-match list
/// (the Ocelot-style contender) and a most-specific-wins router pick the same route for every sample path.</remarks>
public enum RouteShape
{
    /// <summary>Literal only: <c>/api/svcN/health</c>.</summary>
    Health,

    /// <summary>Literal only, and a prefix of the item routes: <c>/api/svcN/items</c>.</summary>
    ItemList,

    /// <summary>One parameter: <c>/api/svcN/items/{id}</c>.</summary>
    ItemById,

    /// <summary>One parameter followed by a literal, sharing its prefix with <see cref="ItemById"/>: <c>/api/svcN/items/{id}/reviews</c>.</summary>
    ItemReviews,

    /// <summary>Two parameters: <c>/api/svcN/users/{userId}/orders/{orderId}</c>.</summary>
    UserOrder,

    /// <summary>One constrained parameter: <c>/api/svcN/orders/{id:int}</c>.</summary>
    OrderById,

    /// <summary>Catch-all: <c>/static/svcN/**</c>.</summary>
    StaticFiles,
}
