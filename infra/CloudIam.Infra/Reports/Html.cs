using System.Globalization;
using System.Net;
using System.Text;

namespace CloudIam.Infra.Reports;

/// <summary>
/// One self-contained HTML page: inline CSS and SVG, no external resource, so the report opens from a
/// CI artifact or a mail attachment offline. The only script marks the page rendered for the browser test.
/// </summary>
public static class Html
{
    private const int LabelWidth = 280;
    private const int CellWidth = 112;
    private const int CellHeight = 26;
    private const int HeaderHeight = 30;

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#212529;background:#fff}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dee2e6;padding-bottom:4px}
        .verdict{display:inline-block;padding:6px 12px;border-radius:6px;font-weight:600;margin:8px 0}
        .pass{background:#d1e7dd;color:#0a3622}.fail{background:#f8d7da;color:#58151c}
        table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #dee2e6;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f1f3f5}td.num{text-align:right}code{font-size:12px}
        svg text{font-size:12px;font-family:inherit}.muted{color:#6c757d;font-size:13px}
        .legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:4px;font-size:12px}
        """;

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string Page(string title, IEnumerable<string> sections)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        page.Append("<title>").Append(Escape(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n");
        page.Append("<script>\nwindow.addEventListener('error', function () { document.documentElement.setAttribute('data-script-error', 'yes'); });\n");
        page.Append("document.addEventListener('DOMContentLoaded', function () { document.body.setAttribute('data-rendered', String(document.querySelectorAll('svg rect').length)); });\n</script>\n");
        page.Append("</head>\n<body>\n<h1>").Append(Escape(title)).Append("</h1>\n");
        foreach (var section in sections)
        {
            page.Append(section);
        }

        return page.Append("</body>\n</html>\n").ToString();
    }

    public static string Verdict(bool passes, string line) =>
        $"<div class=\"verdict {(passes ? "pass" : "fail")}\" id=\"verdict\">{Escape(line)}</div>\n";

    public static string Section(string title, string body) => $"<h2>{Escape(title)}</h2>\n{body}";

    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string id)
    {
        var table = new StringBuilder();
        table.Append("<table id=\"").Append(id).Append("\">\n<tr>");
        foreach (var header in headers)
        {
            table.Append("<th>").Append(Escape(header)).Append("</th>");
        }

        table.Append("</tr>\n");
        foreach (var row in rows)
        {
            table.Append("<tr>");
            foreach (var cell in row)
            {
                table.Append("<td>").Append(Escape(cell)).Append("</td>");
            }

            table.Append("</tr>\n");
        }

        return table.Append("</table>\n").ToString();
    }

    /// <summary>A cell of an SVG grid: its text and fill colour.</summary>
    public readonly record struct Cell(string Text, string Fill);

    /// <summary>A labelled grid of coloured cells, drawn as inline SVG.</summary>
    public static string Grid(string id, IReadOnlyList<string> columns, IReadOnlyList<(string Label, IReadOnlyList<Cell> Cells)> rows)
    {
        var width = LabelWidth + (columns.Count * CellWidth);
        var height = HeaderHeight + (rows.Count * CellHeight);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">\n");
        for (var c = 0; c < columns.Count; c++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + (c * CellWidth) + (CellWidth / 2)}\" y=\"{HeaderHeight - 10}\" text-anchor=\"middle\" font-weight=\"600\">{Escape(columns[c])}</text>\n");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = HeaderHeight + (r * CellHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 17}\">{Escape(rows[r].Label)}</text>\n");
            for (var c = 0; c < rows[r].Cells.Count; c++)
            {
                var x = LabelWidth + (c * CellWidth);
                var cell = rows[r].Cells[c];
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{CellWidth - 2}\" height=\"{CellHeight - 2}\" rx=\"3\" fill=\"{cell.Fill}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (CellWidth / 2)}\" y=\"{y + 17}\" text-anchor=\"middle\">{Escape(cell.Text)}</text>\n");
            }
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>White for 0, then deeper blue with the share of the largest value.</summary>
    public static string Heat(int value, int max)
    {
        if (value == 0 || max == 0)
        {
            return "#f8f9fa";
        }

        var share = (double)value / max;
        var r = (int)Math.Round(219 - (share * 130));
        var g = (int)Math.Round(234 - (share * 110));
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}ff");
    }

    public const string Up = "#b2f2bb";
    public const string Reduced = "#ffec99";
    public const string Down = "#ffa8a8";
}
