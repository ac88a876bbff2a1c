using System;
using System.IO;
using System.Text;
using System.Threading;
using Gateway.Dsl;
using Gateway.Dsl.Text;
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
        Text = TextAsTheGatewayReadsIt(file.GetText(cancellationToken)),
    };

    /// <summary>The text <see cref="RouteFileEncoding.Decode"/> gives for the file's bytes, so that build and run time
    /// report bytes that are not UTF-8 (GW0012) alike.</summary>
    /// <remarks>
    /// The compiler decodes an AdditionalFile as strict UTF-8 first (or by its byte order mark). When that fails it
    /// falls back to the system's default encoding: UTF-8 that puts U+FFFD for each bad sequence on Linux and macOS, which
    /// is already what the gateway reads, or a code page such as 1252 on Windows, which would turn the bad bytes into
    /// ordinary letters. Text in any encoding other than UTF-8 and UTF-16 therefore came from that fallback; it is turned
    /// back into the file's bytes and decoded as the gateway decodes them.
    /// </remarks>
    private static string? TextAsTheGatewayReadsIt(Microsoft.CodeAnalysis.Text.SourceText? text)
    {
        if (text is null)
        {
            return null;
        }

        var encoding = text.Encoding;
        var decoded = text.ToString();
        if (encoding is null || encoding is UTF8Encoding or UnicodeEncoding)
        {
            return decoded;
        }

        return RouteFileEncoding.Decode(encoding.GetBytes(decoded));
    }

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
