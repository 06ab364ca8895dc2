using System.Diagnostics;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// The compiler script of Pulumi.yaml, run against a scratch tree and a stand-in <c>dotnet</c> that records each
/// publish: it builds once, reuses the binary while no source changed, rebuilds when a source is edited, added or
/// deleted, and keeps build output off stdout. The binary it builds records each compilation: a program is
/// replayed only while its arguments, Pulumi's variables and every file of the tree are unchanged.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CompilerScriptRebuildTests : IDisposable
{
    private readonly DirectoryInfo tree = Directory.CreateTempSubdirectory("compiler-script-");

    // Outside the tree: a log written while compiling would itself be a changed file of the tree.
    private readonly DirectoryInfo logs = Directory.CreateTempSubdirectory("compiler-script-logs-");
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);

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
            printf '#!/usr/bin/env bash\necho run >> "$RUN_LOG"\necho "program: $*"\necho "checked: ${PULUMI_CONFIG:-none}" >&2\nexit "${FAIL:-0}"\n' > "$out/cloudiam-infra"
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

    [Fact]
    public void Replays_a_compiled_program_until_an_argument_a_Pulumi_variable_or_a_file_changes()
    {
        Write("stacks/Pulumi.prod.yaml", "config: {}");
        Assert.Equal("program: compile --stack prod", Run("--stack", "prod"));
        Assert.Equal("program: compile --stack prod", Run("--stack", "prod"));
        Assert.Equal(1, Compilations());
        Assert.Equal("checked: none", lastError);

        Run("--stack", "staging");
        Assert.Equal(2, Compilations());

        environment["PULUMI_CONFIG"] = """{"cloudiam-infra:sites":"[]"}""";
        Run();
        Run();
        Assert.Equal(3, Compilations());
        Assert.Equal("""checked: {"cloudiam-infra:sites":"[]"}""", lastError);
        environment.Remove("PULUMI_CONFIG");

        File.SetLastWriteTimeUtc(Path.Combine(tree.FullName, "stacks/Pulumi.prod.yaml"), DateTime.UtcNow);
        Run("--stack", "prod");
        Assert.Equal(4, Compilations());

        Write("policy/placement.yaml", "capabilities: {}");
        File.SetLastWriteTimeUtc(Path.Combine(tree.FullName, "policy/placement.yaml"), DateTime.UtcNow.AddMinutes(-10));
        Run("--stack", "prod");
        Run("--stack", "prod");
        Assert.Equal(5, Compilations());
        Assert.Equal(1, Publishes());
    }

    [Fact]
    public void A_refused_compilation_is_never_replayed()
    {
        environment["FAIL"] = "1";
        Assert.Equal(1, RunFor("--stack", "prod").ExitCode);
        Assert.Equal(1, RunFor("--stack", "prod").ExitCode);
        Assert.Equal(2, Compilations());

        environment.Remove("FAIL");
        Assert.Equal("program: compile --stack prod", Run("--stack", "prod"));
        Assert.Equal(3, Compilations());
    }

    public void Dispose()
    {
        tree.Delete(recursive: true);
        logs.Delete(recursive: true);
    }

    private int Publishes() => File.ReadAllLines(Path.Combine(logs.FullName, "publishes.log")).Length;

    private int Compilations() => File.ReadAllLines(Path.Combine(logs.FullName, "runs.log")).Length;

    private void Write(string relative, string text)
    {
        var path = Path.Combine(tree.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    private string? lastError;

    /// <returns>stdout, trimmed: what Pulumi would read as the program.</returns>
    private string Run(params string[] args)
    {
        var (exitCode, stdout, stderr) = RunFor(args);
        Assert.True(exitCode == 0, stderr);
        lastError = stderr.Trim();
        return stdout.Trim();
    }

    private (int ExitCode, string Out, string Error) RunFor(params string[] args)
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
        start.Environment["FAKE_LOG"] = Path.Combine(logs.FullName, "publishes.log");
        start.Environment["RUN_LOG"] = Path.Combine(logs.FullName, "runs.log");
        start.Environment.Remove("PULUMI_CONFIG");
        start.Environment.Remove("PULUMI_STACK");
        start.Environment.Remove("PULUMI_ROOT_DIRECTORY");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
