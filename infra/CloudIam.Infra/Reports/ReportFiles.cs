using System.Text;
using CloudIam.Placement;

namespace CloudIam.Infra.Reports;

/// <summary>
/// Writes a set of report files all-or-nothing: every file is rendered before any is written, and
/// each lands through a temporary file and a rename, so a failure never leaves a partial report.
/// </summary>
public static class ReportFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAll(string directory, IReadOnlyDictionary<string, string> files)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var staged = new List<(string Temp, string Final)>();
            try
            {
                foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    var final = Path.Combine(directory, name);
                    var temp = final + ".tmp";
                    File.WriteAllText(temp, content, Utf8NoBom);
                    staged.Add((temp, final));
                }

                foreach (var (temp, final) in staged)
                {
                    File.Move(temp, final, overwrite: true);
                }
            }
            finally
            {
                foreach (var (temp, _) in staged.Where(s => File.Exists(s.Temp)))
                {
                    File.Delete(temp);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(directory, $"cannot write reports: {e.Message}");
        }
    }
}
