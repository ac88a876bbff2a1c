using System.Collections.Generic;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Diagnostics;

/// <summary>Collects the diagnostics of one file; each stage adds to it and keeps going, so one run reports every error.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    /// <summary>Creates an empty bag for <paramref name="source"/>.</summary>
    public DiagnosticBag(SourceText source) => Source = source;

    /// <summary>The file the diagnostics point into.</summary>
    public SourceText Source { get; }

    /// <summary>Whether any error was reported.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>How many errors were reported; a stage compares it before and after a part to tell whether that part
    /// checked clean.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>The diagnostics in the order reported.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>Reports an error with <paramref name="code"/> at <paramref name="span"/>.</summary>
    public void Error(string code, TextSpan span, string message) => Add(code, DiagnosticSeverity.Error, span, message);

    /// <summary>Reports a warning with <paramref name="code"/> at <paramref name="span"/>.</summary>
    public void Warning(string code, TextSpan span, string message) => Add(code, DiagnosticSeverity.Warning, span, message);

    /// <summary>The diagnostics sorted by position, then code, for stable output.</summary>
    public EquatableArray<Diagnostic> ToSortedArray()
    {
        var sorted = new List<Diagnostic>(_items);
        sorted.Sort((a, b) =>
        {
            var byStart = a.Span.Start.CompareTo(b.Span.Start);
            return byStart != 0 ? byStart : string.CompareOrdinal(a.Code, b.Code);
        });
        return sorted.ToEquatableArray();
    }

    private void Add(string code, DiagnosticSeverity severity, TextSpan span, string message)
    {
        // Clamp so that a recovering stage can never produce a span outside the file.
        var length = Source.Text.Length;
        var start = span.Start < 0 ? 0 : span.Start > length ? length : span.Start;
        var end = span.End < start ? start : span.End > length ? length : span.End;
        var clamped = TextSpan.FromBounds(start, end);
        _items.Add(new Diagnostic
        {
            Code = code,
            Severity = severity,
            Message = message,
            FilePath = Source.Path,
            Span = clamped,
            LineSpan = Source.GetLineSpan(clamped),
        });
        if (severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }
    }
}
