using System.Diagnostics;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// The compiler script of Pulumi.yaml, run against a scratch tree and a stand-in <c>dotnet</c> that records each
/// publish: it builds once, reuses the binary while no source changed, rebuilds when a source is edited, added or
/// deleted, and keeps build output off stdout.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CompilerScriptRebuildTests : IDisposable
{
    private readonly DirectoryInfo tree = Directory.CreateTempSubdirectory("compiler-script-");

    public CompilerScriptRebuildTests()
    {
        Directory.CreateDirectory(Path.Combine(tree.FullName, "scripts"));
        File.Copy(Path.Combine(Repository.Root, "scripts", "pulumi-compile"), Path.Combine(tree.FullName, "scripts", "pulumi-compile"));
        Write("src/Lib/Lib.cs", "class Lib {}");
        Write("infra/App/App.cs", "class App {}");
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Packages.props", "<Project />");
        Write("global.json", "{}");

        // Publishing "builds" a binary that prints the program; every publish leaves a line in publishes.log.
        Write("fake-bin/dotnet", """
            #!/usr/bin/env bash
            set -eu
            out=""
            while [ $# -gt 0 ]; do
              if [ "$1" = --output ]; then out="$2"; shift; fi
              shift
            done
            echo "publish" >> "$FAKE_LOG"
            echo "build noise"
            mkdir -p "$out"
            printf '#!/usr/bin/env bash\necho "program: $*"\n' > "$out/cloudiam-infra"
            chmod +x "$out/cloudiam-infra"
            """);
        foreach (var executable in new[] { "fake-bin/dotnet", "scripts/pulumi-compile" })
        {
            File.SetUnixFileMode(Path.Combine(tree.FullName, executable), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Builds_once_then_only_when_a_source_changes()
    {
        Assert.Equal("program: compile --flag", Run("--flag"));
        Assert.Equal(1, Publishes());

        Assert.Equal("program: compile", Run());
        Assert.Equal(1, Publishes());

        File.SetLastWriteTimeUtc(Path.Combine(tree.FullName, "src/Lib/Lib.cs"), DateTime.UtcNow);
        Run();
        Assert.Equal(2, Publishes());

        Write("infra/App/New.cs", "class New {}");
        File.SetLastWriteTimeUtc(Path.Combine(tree.FullName, "infra/App/New.cs"), DateTime.UtcNow.AddMinutes(-10));
        Run();
        Assert.Equal(3, Publishes());

        File.Delete(Path.Combine(tree.FullName, "infra/App/New.cs"));
        Run();
        Assert.Equal(4, Publishes());

        // Build output of the project itself does not count as a change.
        Write("infra/App/obj/generated.cs", "// generated");
        Run();
        Assert.Equal(4, Publishes());
    }

    public void Dispose() => tree.Delete(recursive: true);

    private int Publishes() => File.ReadAllLines(Path.Combine(tree.FullName, "publishes.log")).Length;

    private void Write(string relative, string text)
    {
        var path = Path.Combine(tree.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    /// <returns>stdout, trimmed: what Pulumi would read as the program.</returns>
    private string Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(tree.FullName, "scripts", "pulumi-compile"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = tree.FullName,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = $"{Path.Combine(tree.FullName, "fake-bin")}:{start.Environment["PATH"]}";
        start.Environment["FAKE_LOG"] = Path.Combine(tree.FullName, "publishes.log");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
        return stdout.Trim();
    }
}
