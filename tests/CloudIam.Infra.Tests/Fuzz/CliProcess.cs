using System.Diagnostics;

namespace CloudIam.Infra.Tests.Fuzz;

public sealed record ProcessResult(int ExitCode, string Out, string Error, bool TimedOut);

/// <summary>
/// The real <c>cloudiam-infra</c> executable as a child process: a stack overflow or an unhandled
/// exception kills a process, which no in-process test can observe and survive.
/// </summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static string Executable => Path.Combine(AppContext.BaseDirectory, "cloudiam-infra");

    public static ProcessResult Run(params string[] args) => Run(Repository.Root, new Dictionary<string, string>(), args);

    /// <param name="root">The working directory, which the CLI takes as the project root.</param>
    public static ProcessResult Run(string root, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(Executable, root, environment, args);

    /// <summary>Another build of the CLI, e.g. the one <c>scripts/pulumi-compile</c> publishes, run like the reference.</summary>
    public static ProcessResult RunBuild(string executable, params string[] args) =>
        Start(executable, Repository.Root, new Dictionary<string, string>(), args);

    /// <summary>A shell script run with the executable as <c>$0</c>, for redirections such as <c>&gt; /dev/full</c>.</summary>
    public static ProcessResult Shell(string script) =>
        Start("/bin/sh", Repository.Root, new Dictionary<string, string>(), ["-c", script, Executable]);

    private static ProcessResult Start(string program, string root, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("PULUMI_ROOT_DIRECTORY");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(-1, stdout.Result, stderr.Result, TimedOut: true);
        }

        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, TimedOut: false);
    }

    /// <summary>The CLI's contract for bad input: exit 2, one line on stderr naming what is wrong, nothing on stdout.</summary>
    public static void IsOneLineBadInput(ProcessResult result, string names)
    {
        Assert.False(result.TimedOut, "the CLI did not finish");
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Error}");
        Assert.Empty(result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cloudiam-infra: ", line, StringComparison.Ordinal);
        Assert.Contains(names, line, StringComparison.Ordinal);
    }

    /// <summary>What every run must give, whatever it was fed: a verdict (0, 1) or, on exit 2, one line naming the input — never a trace, a crash or a hang.</summary>
    public static void IsVerdictOrOneLineBadInput(ProcessResult result, string input)
    {
        Assert.False(result.TimedOut, "the CLI did not finish");
        Assert.Contains(result.ExitCode, new[] { 0, 1, 2 });
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        if (result.ExitCode == 2)
        {
            IsOneLineBadInput(result, input);
        }
    }
}
