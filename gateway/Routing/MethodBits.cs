using Gateway.Dsl.Model;

namespace Gateway.Routing;

/// <summary>Maps a request method to its <see cref="MethodSet"/> bit; unknown methods get no bit.</summary>
public static class MethodBits
{
    /// <summary>The bit of <paramref name="method"/>, or <see cref="MethodSet.None"/> for a method no route can name.</summary>
    public static MethodSet Of(ReadOnlySpan<char> method) => method switch
    {
        "GET" => MethodSet.Get,
        "HEAD" => MethodSet.Head,
        "POST" => MethodSet.Post,
        "PUT" => MethodSet.Put,
        "DELETE" => MethodSet.Delete,
        "PATCH" => MethodSet.Patch,
        "OPTIONS" => MethodSet.Options,
        "TRACE" => MethodSet.Trace,
        "CONNECT" => MethodSet.Connect,
        _ => MethodSet.None,
    };

    /// <summary>Whether a route accepting <paramref name="accepted"/> takes a request whose method bit is <paramref name="method"/>.</summary>
    public static bool Allows(MethodSet accepted, MethodSet method) => accepted == MethodSet.None || (accepted & method) != 0;
}
