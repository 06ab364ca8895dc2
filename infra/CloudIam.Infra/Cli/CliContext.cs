using CloudIam.Infra.Compilation;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Cli;

/// <summary>
/// Everything a verb reads from outside its arguments, so tests run verbs in-process with their own
/// writers, clock, environment and repository root.
/// </summary>
public sealed record CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>The day suppression expiries are compared with.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The directory holding Pulumi.yaml, stacks/ and policy/.</summary>
    public required string Root { get; init; }

    public required Func<string, string?> Environment { get; init; }

    /// <summary>Turns a stack's config into the program and its checks; tests swap in programs that break the baseline.</summary>
    public Func<StackConfig, CompiledStack> Compiler { get; init; } = CompiledStack.Compile;

    /// <summary>
    /// Where the Pulumi YAML runtime runs the compiler; otherwise the repository that contains the working
    /// directory; outside any, the tool's own directory, which holds the shipped policy/ and stacks/.
    /// </summary>
    public static CliContext FromProcess() => new()
    {
        Out = new GuardedWriter(Console.Out, "stdout"),
        Error = Console.Error,
        Today = DateOnly.FromDateTime(DateTime.UtcNow),
        Root = System.Environment.GetEnvironmentVariable("PULUMI_ROOT_DIRECTORY") is { Length: > 0 } root ? root : FindRoot(Directory.GetCurrentDirectory()),
        Environment = System.Environment.GetEnvironmentVariable,
    };

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
