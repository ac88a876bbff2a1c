using System;
using System.IO;
using System.Threading;
using Gateway.Dsl;
using Gateway.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Gateway.Generator;

/// <summary>Stages 1 and 2: reading <c>*.gw</c> AdditionalFiles and running the dsl over them.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>The extension of route files; other AdditionalFiles are not ours.</summary>
    private const string RouteFileExtension = ".gw";

    /// <summary>Whether <paramref name="path"/> names a route file.</summary>
    private static bool IsRouteFile(string path) => path.EndsWith(RouteFileExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies the file's name, path and text out of the <see cref="AdditionalText"/>.</summary>
    private static RouteFileText ReadRouteFile(AdditionalText file, CancellationToken cancellationToken) => new()
    {
        FileName = Path.GetFileName(file.Path),
        Path = file.Path,
        Text = file.GetText(cancellationToken)?.ToString(),
    };

    /// <summary>Runs <see cref="RouteFile.Parse"/>; an exception from the dsl becomes <see cref="ParsedRouteFile.Failure"/>.</summary>
    private static ParsedRouteFile ParseRouteFile(RouteFileText file, CancellationToken cancellationToken)
    {
        if (file.Text is null)
        {
            return Failed(file, "the file could not be read");
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // The dsl is given the file name, not the full path: its messages may name the file ("see routes.gw line 9"),
            // while the Roslyn location built from Path carries the full path for the build output.
            return new ParsedRouteFile
            {
                FileName = file.FileName,
                Path = file.Path,
                Text = file.Text,
                Result = RouteFile.Parse(file.Text, file.FileName),
                Failure = null,
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(file, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static ParsedRouteFile Failed(RouteFileText file, string failure) => new()
    {
        FileName = file.FileName,
        Path = file.Path,
        Text = file.Text ?? string.Empty,
        Result = null,
        Failure = failure,
    };
}
