using System;

namespace Gateway.Dsl.Model;

/// <summary>The request methods a route can name, as bits so that a set is one integer.</summary>
[Flags]
public enum MethodSet
{
    /// <summary>No method named: the route accepts every method.</summary>
    None = 0,

    /// <summary>GET.</summary>
    Get = 1 << 0,

    /// <summary>HEAD.</summary>
    Head = 1 << 1,

    /// <summary>POST.</summary>
    Post = 1 << 2,

    /// <summary>PUT.</summary>
    Put = 1 << 3,

    /// <summary>DELETE.</summary>
    Delete = 1 << 4,

    /// <summary>PATCH.</summary>
    Patch = 1 << 5,

    /// <summary>OPTIONS.</summary>
    Options = 1 << 6,

    /// <summary>TRACE.</summary>
    Trace = 1 << 7,

    /// <summary>CONNECT.</summary>
    Connect = 1 << 8,
}
