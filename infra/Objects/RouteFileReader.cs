using Gateway.Dsl;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;

namespace Gateway.Infra.Objects;

/// <summary>Checks <c>routes.gw</c> with the dsl and returns the file the objects need, or the rendered diagnostics.</summary>
public static class RouteFileReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="path"/> is how diagnostics name the file.</summary>
    public static RouteFileReadResult Read(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var result = RouteFile.Parse(text, path);
        if (result.Table is not { } table)
        {
            // The same call as the gateway's startup errors: compiler line, source line, carets, for every diagnostic.
            return new RouteFileReadResult { Errors = DiagnosticRenderer.RenderLines(result.Diagnostics, new SourceText(text, path)) };
        }

        var routes = new GatewayRouteFile { Text = text, Table = table };

        // The gateway refuses to start when both listeners share a port; refusing here keeps a crash-looping pod out of the cluster.
        if (routes.ListenPort == routes.AdminPort)
        {
            return new RouteFileReadResult
            {
                Errors = [$"{path}: error: the listen and admin addresses use the same port {routes.ListenPort}; give admin its own port"],
            };
        }

        return new RouteFileReadResult { Routes = routes, Errors = [] };
    }
}
