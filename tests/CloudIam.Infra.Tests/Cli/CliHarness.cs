using CloudIam.Infra.Cli;
using CloudIam.Infra.Compilation;
using CloudIam.Infra.Stacks;

namespace CloudIam.Infra.Tests.Cli;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs verbs in-process against the repository, with a fixed clock and environment.</summary>
public static class CliHarness
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public static string Root => Repository.Root;

    public static string Fixture(string relative) => Path.Combine(Root, "tests", "fixtures", relative);

    public static string RepoFile(string relative) => Path.Combine(Root, relative);

    public static CliResult Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static CliResult Run(IReadOnlyDictionary<string, string> environment, params string[] args) => RunIn(Root, environment, args);

    /// <summary>Runs against another project root, e.g. a scratch copy holding fixture stacks.</summary>
    public static CliResult RunIn(string root, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWith(root, environment, CompiledStack.Compile, args);

    /// <summary>Runs with another compiler, e.g. one that adds a resource breaking the security baseline.</summary>
    public static CliResult RunWith(Func<StackConfig, CompiledStack> compiler, params string[] args) =>
        RunWith(Root, new Dictionary<string, string>(), compiler, args);

    private static CliResult RunWith(string root, IReadOnlyDictionary<string, string> environment, Func<StackConfig, CompiledStack> compiler, string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = CloudIamCli.Run(args, new CliContext
        {
            Out = output,
            Error = error,
            Today = Today,
            Root = root,
            Environment = name => environment.GetValueOrDefault(name),
            Compiler = compiler,
        });
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
