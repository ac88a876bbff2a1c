using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;

namespace Gateway.Infra.StackFiles;

/// <summary>Reads <c>NAME.json</c> from the stacks folder and checks it; failures come back as messages, never as exceptions.</summary>
public static partial class StackLoader
{
    /// <summary>Strict JSON: unknown properties are errors (a typo must not silently fall back to a default); comments allowed.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads stack <paramref name="name"/> from <paramref name="stacksDirectory"/>.</summary>
    /// <param name="stacksDirectory">The folder holding the stack files.</param>
    /// <param name="name">The stack name given on the command line.</param>
    /// <param name="displayDirectory">How the folder is printed in messages, e.g. <c>infra/stacks</c>.</param>
    public static StackLoadResult Load(string stacksDirectory, string name, string displayDirectory)
    {
        ArgumentNullException.ThrowIfNull(stacksDirectory);
        ArgumentNullException.ThrowIfNull(name);
        var displayPath = Path.Combine(displayDirectory, name + ".json");

        // The name becomes a file name and a label value, so it must be a plain DNS label.
        if (!StackValidator.IsDnsLabel(name))
        {
            return Failed($"error: stack name '{name}' is not valid; use lower-case letters, digits and '-' (the file is {displayDirectory}/NAME.json)");
        }

        var path = Path.Combine(stacksDirectory, name + ".json");
        if (!File.Exists(path))
        {
            return Failed($"error: stack '{name}' not found: there is no {displayPath}; {KnownStacks(stacksDirectory)}");
        }

        StackFile? file;
        try
        {
            file = JsonSerializer.Deserialize<StackFile>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            return Failed($"{displayPath}{Position(e)}: error: {Describe(e)}");
        }

        if (file is null)
        {
            return Failed($"{displayPath}: error: the file holds 'null'; write a JSON object with namespace, image, replicas and resources");
        }

        var problems = new List<string>();
        var stack = StackValidator.Validate(name, file, problems);
        return stack is null
            ? new StackLoadResult { Errors = [.. problems.Select(p => $"{displayPath}: error: {p}")] }
            : new StackLoadResult { Stack = stack, Errors = [] };
    }

    /// <summary>The stacks that do exist, for the "not found" message.</summary>
    private static string KnownStacks(string directory)
    {
        var names = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count == 0 ? "there are no stack files there" : "known stacks: " + string.Join(", ", names);
    }

    /// <summary><c>(line,column)</c>, 1-based, when the exception carries a position.</summary>
    private static string Position(JsonException e) =>
        e.LineNumber is { } line ? $"({line + 1},{(e.BytePositionInLine ?? 0) + 1})" : "";

    /// <summary>A JSON error in the user's terms: which property, and what was expected.</summary>
    private static string Describe(JsonException e)
    {
        var at = e.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : null;

        // System.Text.Json names CLR types in its messages; the user wrote JSON, so say it in JSON's terms.
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"unknown property '{at}'; a stack file has namespace, createNamespace, image, replicas, resources, serviceType, hosts, redis and monitoringNamespaces";
        }

        // A conversion failure names the CLR type it wanted; anything else is a syntax error.
        var conversion = ConversionTarget().Match(e.Message);
        if (conversion.Success && at is not null)
        {
            return $"'{at}' must be {JsonKindOf(conversion.Groups[1].Value)}; see infra/stacks/dev.json for the shape of a stack file";
        }

        return $"the file is not valid JSON: {FirstSentence(e.Message)}";
    }

    /// <summary>The JSON kind a CLR type is read from, in the user's words.</summary>
    private static string JsonKindOf(string clrType) => clrType switch
    {
        _ when clrType.Contains("Int32", StringComparison.Ordinal) => "a whole number",
        _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when clrType.Contains("String]", StringComparison.Ordinal) => "a list of strings",
        _ when clrType.Contains("String", StringComparison.Ordinal) => "a string",
        _ => "an object",
    };

    /// <summary>The first sentence of a parser message, without the position and CLR details that follow it.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>The CLR type in System.Text.Json's "could not be converted to T" message.</summary>
    [GeneratedRegex(@"could not be converted to ([^.\s]+(\.[^.\s]+)*)")]
    private static partial Regex ConversionTarget();

    /// <summary>A result that holds one error line.</summary>
    private static StackLoadResult Failed(string line) => new() { Errors = [line] };
}
