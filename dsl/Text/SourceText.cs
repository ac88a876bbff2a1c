using System.Collections.Generic;

namespace Gateway.Dsl.Text;

/// <summary>The text of a route file with its line starts, to turn offsets into lines and columns.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>Indexes the line starts of <paramref name="text"/>.</summary>
    public SourceText(string text, string path)
    {
        Text = text;
        Path = path;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            // \r\n, \n and a lone \r each end a line.
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] == '\n' || text[i] == '\r')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>The file path used in messages.</summary>
    public string Path { get; }

    /// <summary>The number of lines (at least one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 0-based line and column of <paramref name="offset"/>.</summary>
    public LinePosition GetPosition(int offset)
    {
        var line = System.Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>The line and column span of <paramref name="span"/>.</summary>
    public LinePositionSpan GetLineSpan(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    /// <summary>The text of 0-based line <paramref name="line"/>, without its line break.</summary>
    public string GetLineText(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text.Substring(start, end - start);
    }
}
