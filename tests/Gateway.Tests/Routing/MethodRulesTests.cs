using Gateway.Dsl.Model;
using Gateway.Routing;
using Gateway.Tests.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Tests.Routing;

public sealed class MethodRulesTests
{
    [Theory]
    [InlineData("CONNECT", false, true)]
    [InlineData("CONNECT", true, false)]
    [InlineData("GET", false, false)]
    [InlineData("TRACE", false, false)]
    public void IsTunnel_Method_TrueForPlainConnectOnly(string method, bool extendedConnect, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (extendedConnect)
        {
            context.Features.Set<IHttpExtendedConnectFeature>(new ExtendedConnect());
        }

        Assert.Equal(expected, MethodRules.IsTunnel(context));
    }

    [Theory]
    [InlineData("TRACE", MethodSet.None, true)]
    [InlineData("TRACE", MethodSet.Trace, false)]
    [InlineData("TRACE", MethodSet.Get | MethodSet.Trace, false)]
    [InlineData("GET", MethodSet.None, false)]
    [InlineData("trace", MethodSet.None, true)]
    public void IsUnnamedTrace_RouteMethods_TrueUnlessTheRouteNamesTrace(string method, MethodSet methods, bool expected)
    {
        var route = TestTables.Route(0, "r") with { Methods = methods };

        Assert.Equal(expected, MethodRules.IsUnnamedTrace(method, route));
    }

    private sealed class ExtendedConnect : IHttpExtendedConnectFeature
    {
        public bool IsExtendedConnect => true;

        public string? Protocol => "websocket";

        public ValueTask<Stream> AcceptAsync() => throw new NotSupportedException();
    }
}
