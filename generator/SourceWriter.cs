using System;
using System.Text;

namespace Gateway.Generator;

/// <summary>A small indented text writer for emitted C#; output always uses <c>\n</c> so it is the same on every machine.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>Writes <paramref name="line"/> at the current indentation, then a line break.</summary>
    public void WriteLine(string line)
    {
        // Blank lines carry no indentation, so the output has no trailing whitespace.
        if (line.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(line);
        }

        _builder.Append('\n');
    }

    /// <summary>Writes the indentation and <paramref name="text"/>, without a line break (a verbatim literal follows).</summary>
    public void WriteIndented(string text)
    {
        for (var i = 0; i < _indent; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(text);
    }

    /// <summary>Writes <paramref name="text"/> exactly as given, with no indentation (the inside of a verbatim literal).</summary>
    public void WriteRaw(string text) => _builder.Append(text);

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <c>{</c>, indents, and on dispose outdents and writes <c>}</c>.</summary>
    public Scope Block()
    {
        WriteLine("{");
        _indent++;
        return new Scope(this, closing: "}");
    }

    /// <summary>Indents until the returned scope is disposed, without braces (for <c>case</c> bodies).</summary>
    public Scope Indented()
    {
        _indent++;
        return new Scope(this, closing: null);
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _builder.ToString();

    /// <summary>Ends a block or an indentation when disposed; a struct so that a <c>using</c> allocates nothing.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string? _closing;

        /// <summary>Creates the scope for <paramref name="writer"/>.</summary>
        public Scope(SourceWriter writer, string? closing)
        {
            _writer = writer;
            _closing = closing;
        }

        /// <summary>Outdents and writes the closing text, if any.</summary>
        public void Dispose()
        {
            _writer._indent--;
            if (_closing is not null)
            {
                _writer.WriteLine(_closing);
            }
        }
    }
}
