using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudIam.Infra.Reports;

/// <summary>
/// Spectre.Console renders tables to any writer. Without a terminal the output is plain text of a
/// fixed width, so the same input gives byte-identical reports in CI, files and tests.
/// </summary>
public static class Terminal
{
    private const int PlainWidth = 140;

    public static string Render(params IRenderable[] parts)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = PlainWidth;
        foreach (var part in parts)
        {
            console.Write(part);
        }

        // Spectre drops the last line break; a report always ends with one, like any text file.
        var text = writer.ToString();
        return text.EndsWith('\n') ? text : text + "\n";
    }

    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            // Plain text, not markup: parsing markup builds Spectre's emoji table, a third of a small check's time.
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    public static Table Row(this Table table, params string[] cells)
    {
        table.AddRow([.. cells.Select(cell => new Text(cell))]);
        return table;
    }

    /// <summary>A line of text as it is: wrapping it at the table width would split a name across lines and leave trailing blanks.</summary>
    public static IRenderable Line(string text) => new Unwrapped([text]);

    /// <summary>Text already laid out in lines (another report), kept as it is.</summary>
    public static IRenderable Block(string text) => new Unwrapped(text.TrimEnd('\n').Split('\n'));

    private sealed class Unwrapped(string[] lines) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth)
        {
            var widest = lines.Max(line => line.Length);
            return new Measurement(widest, widest);
        }

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            lines.SelectMany(line => new[] { new Segment(line), Segment.LineBreak });
    }
}
