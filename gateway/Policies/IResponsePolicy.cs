using Gateway.Pipeline;

namespace Gateway.Policies;

/// <summary>A change to a route's response headers (header edits, CORS), applied to every response of the route,
/// whether an upstream or the gateway answered, just before the headers are sent.</summary>
public interface IResponsePolicy
{
    /// <summary>Changes <c>context.Http.Response.Headers</c>; must not write the body.</summary>
    void Apply(RequestContext context);
}
