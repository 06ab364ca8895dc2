using System.Text;

namespace CloudIam.Infra.Reports;

/// <summary>GitHub/GitLab-flavoured Markdown tables for merge-request comments and report.md.</summary>
public static class Markdown
{
    public static void AppendTable(StringBuilder text, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        text.Append('\n');
    }

    public static string Code(string text) => $"`{text}`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
