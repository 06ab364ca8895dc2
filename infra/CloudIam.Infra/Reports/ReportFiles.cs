using System.Text;
using System.Text.RegularExpressions;
using CloudIam.Placement;

namespace CloudIam.Infra.Reports;

/// <summary>
/// Writes a set of report files all-or-nothing: every file is rendered before any is written, each is
/// staged in a temporary sibling, and only when all are staged are they renamed into place. A failure
/// at any step removes what this run staged, puts back the files it replaced and removes a directory
/// it created, so a reader never sees a partial or mixed set of reports.
/// </summary>
public static partial class ReportFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAll(string directory, IReadOnlyDictionary<string, string> files)
    {
        var created = FirstMissing(Path.GetFullPath(directory));
        var run = Guid.NewGuid().ToString("N")[..12];
        var staged = new List<Staged>();
        var placed = new HashSet<Staged>();
        var step = "create the directory";
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                step = $"write {name}";
                var file = new Staged(name, Path.Combine(directory, name), Path.Combine(directory, $".{name}.{run}.tmp"), Path.Combine(directory, $".{name}.{run}.old"));
                staged.Add(file);
                File.WriteAllText(file.Temp, content, Utf8NoBom);
            }

            foreach (var file in staged)
            {
                step = $"write {file.Name}";
                if (File.Exists(file.Final))
                {
                    File.Move(file.Final, file.Backup);
                }

                File.Move(file.Temp, file.Final);
                placed.Add(file);
            }

            foreach (var file in staged.Where(file => File.Exists(file.Backup)))
            {
                File.Delete(file.Backup);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RollBack(staged, placed, created);
            throw new BadInputException(directory, $"cannot {step}: {Reason(e)}");
        }
    }

    private sealed record Staged(string Name, string Final, string Temp, string Backup);

    /// <summary>Best effort: the first failure is what the user is told about.</summary>
    private static void RollBack(List<Staged> staged, HashSet<Staged> placed, string? created)
    {
        try
        {
            foreach (var file in staged)
            {
                File.Delete(file.Temp);
                if (placed.Contains(file))
                {
                    File.Delete(file.Final);
                }

                if (File.Exists(file.Backup))
                {
                    File.Move(file.Backup, file.Final);
                }
            }

            if (created is not null && Directory.Exists(created))
            {
                Directory.Delete(created, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be undone; the original failure is reported.
        }
    }

    /// <summary>The outermost directory on the way to <paramref name="directory"/> that does not exist yet.</summary>
    private static string? FirstMissing(string directory)
    {
        string? missing = null;
        for (var dir = directory; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing = dir;
        }

        return missing;
    }

    /// <summary>The system's reason without the temporary file's path that .NET appends to it.</summary>
    private static string Reason(Exception e) => e is UnauthorizedAccessException
        ? "permission denied"
        : PathSuffix().Replace(e.Message, "");

    [GeneratedRegex(@"\s*:\s*'[^']*'\.?$")]
    private static partial Regex PathSuffix();
}
