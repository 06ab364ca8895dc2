using System.Diagnostics;

namespace CloudIam.Infra.Tests.Cli;

/// <summary>
/// The compiler script of Pulumi.yaml, run against a scratch tree and a stand-in <c>dotnet</c> that records each
/// publish: it builds once, reuses the binary while no source changed, rebuilds when a source is edited, added or
/// deleted or the kind of build changes, and keeps build output off stdout.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CompilerScriptRebuildTests : IDisposable
{
    private readonly DirectoryInfo tree = Directory.CreateTempSubdirectory("compiler-script-");

    // Outside the tree, so what the test records is never one of the files the script watches.
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
        WriteExecutable("fake-bin/dotnet", """
            #!/usr/bin/env bash
            set -eu
            out=""
            echo "publish $*" >> "$FAKE_LOG"
            while [ $# -gt 0 ]; do
              if [ "$1" = --output ]; then out="$2"; shift; fi
              shift
            done
            echo "build noise"
            mkdir -p "$out"
            printf '#!/usr/bin/env bash\necho "program: $*"\necho "checked: ${PULUMI_CONFIG:-none}" >&2\nexit "${FAIL:-0}"\n' > "$out/cloudiam-infra"
            chmod +x "$out/cloudiam-infra"
            """);
        MakeExecutable("scripts/pulumi-compile");
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
    public void Publishes_native_where_a_C_toolchain_can_link_it_and_ReadyToRun_when_asked_each_in_its_own_folder()
    {
        WriteExecutable("fake-bin/gcc", "#!/bin/sh\nexit 0");
        var output = Path.Combine(tree.FullName, "out", "pulumi-compiler");

        Run();
        Assert.Contains("-p:PublishAot=true", LastPublish(), StringComparison.Ordinal);
        Assert.Contains($"--artifacts-path {output}/.build-aot ", LastPublish(), StringComparison.Ordinal);

        environment["CLOUDIAM_BUILD"] = "readytorun";
        Run();
        Run();
        Assert.Equal(2, Publishes());
        Assert.Contains("--self-contained false -p:PublishReadyToRun=true", LastPublish(), StringComparison.Ordinal);
        Assert.DoesNotContain("PublishAot", LastPublish(), StringComparison.Ordinal);
        Assert.Contains($"--artifacts-path {output}/.build-readytorun ", LastPublish(), StringComparison.Ordinal);

        environment["CLOUDIAM_BUILD"] = "fast";
        var refused = RunFor();
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("pulumi-compile: CLOUDIAM_BUILD must be aot or readytorun, not 'fast'", refused.Error.Trim());
        Assert.Equal(2, Publishes());
    }

    [Fact]
    public void Publishes_ReadyToRun_where_no_C_toolchain_can_link_a_native_build()
    {
        // Only the tools the script and the stand-in dotnet use: no clang, no gcc, as on the dotnet/sdk image.
        var tools = Directory.CreateDirectory(Path.Combine(logs.FullName, "tools"));
        foreach (var tool in new[] { "env", "bash", "dirname", "uname", "find", "sort", "cmp", "mkdir", "mktemp", "mv", "rm", "chmod" })
        {
            var path = new[] { "/usr/bin", "/bin" }.Select(folder => Path.Combine(folder, tool)).First(File.Exists);
            File.CreateSymbolicLink(Path.Combine(tools.FullName, tool), path);
        }

        environment["PATH"] = $"{Path.Combine(tree.FullName, "fake-bin")}:{tools.FullName}";
        Assert.Equal("program: compile", Run());
        Assert.Contains("--self-contained false -p:PublishReadyToRun=true", LastPublish(), StringComparison.Ordinal);
        Assert.DoesNotContain("PublishAot", LastPublish(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Darwin", "arm64", "--runtime osx-arm64 ")]
    [InlineData("Linux", "aarch64", "--runtime linux-arm64 ")]
    [InlineData("FreeBSD", "amd64", "--configuration Release --artifacts-path ")]
    public void Publishes_for_the_machine_it_runs_on(string system, string machine, string runtime)
    {
        WriteExecutable("fake-bin/uname", $"#!/bin/sh\ncase \"$1\" in -s) echo {system} ;; -m) echo {machine} ;; esac");

        Run();
        Assert.Contains(runtime, LastPublish(), StringComparison.Ordinal);

        environment["CLOUDIAM_BUILD"] = "aot";
        var forced = RunFor();
        if (runtime.StartsWith("--runtime", StringComparison.Ordinal))
        {
            Assert.Equal(0, forced.ExitCode);
        }
        else
        {
            Assert.Equal((2, $"pulumi-compile: no aot build for {system}/{machine}"), (forced.ExitCode, forced.Error.Trim()));
        }
    }

    [Fact]
    public void Pulumi_gets_the_program_its_config_reaches_the_binary_and_a_refusal_keeps_its_exit_code()
    {
        environment["PULUMI_CONFIG"] = """{"cloudiam-infra:sites":"[]"}""";
        var compiled = RunFor("--stack", "prod");
        Assert.Equal((0, "program: compile --stack prod"), (compiled.ExitCode, compiled.Out.Trim()));
        Assert.Equal("""
            build noise
            checked: {"cloudiam-infra:sites":"[]"}
            """, compiled.Error.Trim());

        environment["FAIL"] = "1";
        Assert.Equal(1, RunFor("--stack", "prod").ExitCode);
        Assert.Equal(1, Publishes());
    }

    public void Dispose()
    {
        tree.Delete(recursive: true);
        logs.Delete(recursive: true);
    }

    private int Publishes() => File.ReadAllLines(Path.Combine(logs.FullName, "publishes.log")).Length;

    private string LastPublish() => File.ReadAllLines(Path.Combine(logs.FullName, "publishes.log"))[^1];

    private void WriteExecutable(string relative, string text)
    {
        Write(relative, text);
        MakeExecutable(relative);
    }

    private void MakeExecutable(string relative) =>
        File.SetUnixFileMode(Path.Combine(tree.FullName, relative), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(tree.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    /// <returns>stdout, trimmed: what Pulumi would read as the program.</returns>
    private string Run(params string[] args)
    {
        var (exitCode, stdout, stderr) = RunFor(args);
        Assert.True(exitCode == 0, stderr);
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
        start.Environment.Remove("PULUMI_CONFIG");
        start.Environment.Remove("PULUMI_STACK");
        start.Environment.Remove("PULUMI_ROOT_DIRECTORY");
        start.Environment.Remove("CLOUDIAM_BUILD");
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
