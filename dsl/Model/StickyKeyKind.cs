namespace Gateway.Dsl.Model;

/// <summary>The parts of a request a sticky split can read its key from.</summary>
public enum StickyKeyKind
{
    /// <summary>The first value of a named request header.</summary>
    Header,

    /// <summary>The value of a named request cookie.</summary>
    Cookie,

    /// <summary>The client's IP address, as the connection gives it.</summary>
    ClientIp,

    /// <summary>The value of a claim of the validated JWT.</summary>
    Claim,
}
