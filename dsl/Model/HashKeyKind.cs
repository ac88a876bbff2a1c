namespace Gateway.Dsl.Model;

/// <summary>The parts of a request <c>balance hash</c> can read its key from.</summary>
public enum HashKeyKind
{
    /// <summary>A named request header's first value.</summary>
    Header,

    /// <summary>A named cookie.</summary>
    Cookie,

    /// <summary>The client's IP address, as the connection gives it.</summary>
    ClientIp,
}
